// The demo's show report: beacons to the demo's endpoint (the same collector the demo serves)
// come back per show as a funnel chart with add rates per product and per cue — accessible at
// 1280 px and 360 px.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { expectAccessible } from '../a11y.js';
import { until } from '../helpers.js';

type Report = { main(root: Element, url: string): Promise<void> };
const report = () => import('/demo/report.js' as string) as Promise<Report>;

const ev = (type: string, extra: object = {}) => ({ type, showId: 'spring-edit-2025', viewId: 'v1', ...extra });
const overshirt = { productId: 'linen-overshirt', productName: 'Relaxed Linen Overshirt', cueId: 'overshirt-intro' };
const hoops = { productId: 'gold-hoops', productName: 'Gold hoops', cueId: 'hoops-finish' };

describe('the demo show report', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows per show the funnel and the add rate per product and per cue, from what the endpoint received', async () => {
    const bucket = `r${Math.random().toString(36).slice(2)}`;
    const url = `/collect?bucket=${bucket}`;
    const batches = [
      [ev('sv-video-start'), ev('sv-video-start', { viewId: 'v2' }), ev('sv-product-impression', overshirt), ev('sv-product-impression', hoops)],
      [ev('sv-product-impression', { ...overshirt, viewId: 'v2' }), ev('sv-product-click', overshirt), ev('sv-cart-add-request', overshirt), ev('sv-cart-add', overshirt), ev('sv-checkout', overshirt)],
      [{ type: 'sv-live-join', showId: 'friday-live', viewId: 'v3' }],
    ];
    for (const events of batches) expect(navigator.sendBeacon(url, JSON.stringify({ events }))).to.equal(true);
    await until(async () => (await (await fetch(url)).json()).requests.length === 3, 'the three beacons');

    const root = await fixture<HTMLDivElement>(html`<main></main>`);
    await (await report()).main(root, url);
    const sections = [...root.querySelectorAll('section')];
    expect(sections.map((s) => s.querySelector('h2')!.textContent)).to.deep.equal(['Show spring-edit-2025', 'Show friday-live']);
    const spring = sections[0]!;
    expect(spring.querySelector('p')!.textContent).to.equal(
      'Funnel of spring-edit-2025: Views 2, Product impressions 3, Product clicks 1, Add to cart requested 1, Add to cart succeeded 1, Checkout started 1.',
    );
    // The chart: one bar per step, as long as its count (the widest is the largest).
    const bars = [...spring.querySelectorAll('svg rect')].map((r) => Number(r.getAttribute('width')));
    expect(bars).to.deep.equal([200, 300, 100, 100, 100, 100]);
    const rows = (caption: string) =>
      [...spring.querySelectorAll('table')].find((t) => t.caption!.textContent === caption)!.querySelectorAll<HTMLTableRowElement>('tbody tr');
    expect([...rows('Add rate per product')].map((r) => [...r.cells].map((c) => c.textContent).join(' | '))).to.deep.equal(['Relaxed Linen Overshirt | 2 | 1 | 50 %', 'Gold hoops | 1 | 0 | 0 %']);
    expect([...rows('Add rate per cue')].map((r) => [...r.cells].map((c) => c.textContent).join(' | '))).to.deep.equal(['overshirt-intro | 2 | 1 | 50 %', 'hoops-finish | 1 | 0 | 0 %']);
    expect(sections[1]!.querySelector('p')!.textContent).to.contain('Views 1,');

    for (const width of [1280, 360]) {
      await setViewport({ width, height: 800 });
      await expectAccessible(root, `at ${width} px`);
    }
  });

  it('says how to get data when the endpoint has none', async () => {
    const root = await fixture<HTMLDivElement>(html`<main></main>`);
    await (await report()).main(root, `/collect?bucket=empty${Math.random()}`);
    expect(root.textContent).to.contain('No events yet');
    await expectAccessible(root, 'empty');
  });
});
