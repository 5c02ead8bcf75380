import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { ProductAppearance, ShowLoadDetail } from '../../src/show/show-model.js';
import type { ShoppableError } from '../../src/internal/errors.js';
import type { Cue } from '../../src/timeline/types.js';
import { cases } from '../timeline/malformed-shows.js';
import { STREAMS, recordErrors, until, failOnUncaught } from '../helpers.js';

const SHOW = '/docs/examples/show.json';
const strip = (cues: readonly Cue[]) => cues.map(({ source: _s, ...c }) => c).sort((a, b) => a.id.localeCompare(b.id));

describe('the show in the player', () => {
  failOnUncaught();

  it('loads a manifest from show="url": products, cues, seek-bar markers, appear and disappear events', async () => {
    const el = document.createElement('shoppable-video');
    el.muted = true;
    el.src = STREAMS.fmp4;
    el.setAttribute('show', SHOW);
    const loaded = oneEvent(el, 'sv-show-load');
    await fixture(el);
    const { show, issues } = (await loaded).detail as ShowLoadDetail;
    expect(issues).to.deep.equal([]);
    expect(show!.id).to.equal('spring-edit-2025');
    expect([...el.products.keys()]).to.have.members(['linen-overshirt', 'velvet-lipstick-rosewood', 'rose-serum-30', 'canvas-sneaker', 'gold-hoops']);
    // Relative URLs in the manifest are relative to the manifest.
    expect(el.products.get('linen-overshirt')!.image).to.equal(new URL('/docs/examples/images/linen-overshirt.svg', location.href).href);
    // The element's own src wins over the manifest's video.
    expect(el.src).to.equal(STREAMS.fmp4);

    const appeared: ProductAppearance[] = [];
    const gone: ProductAppearance[] = [];
    el.addEventListener('sv-product-appear', (e) => appeared.push((e as CustomEvent<ProductAppearance>).detail));
    el.addEventListener('sv-product-disappear', (e) => gone.push((e as CustomEvent<ProductAppearance>).detail));
    el.currentTime = 3.5;
    await el.play();
    await until(() => appeared.some((a) => a.cueId === 'lipstick-close-up'), 'the lipstick to appear at 4 s');
    const lipstick = appeared.find((a) => a.cueId === 'lipstick-close-up')!;
    expect(lipstick.time).to.be.within(4, 4.1);
    expect(lipstick.product.title).to.equal('Velvet Matte Lipstick, Rosewood');
    await until(() => gone.some((a) => a.cueId === 'overshirt-intro'), 'the overshirt to disappear at 7 s');
    expect(el.activeCues.map((c) => c.id)).to.include('lipstick-close-up');

    // One marker per appearance, labelled for screen readers.
    await until(() => el.shadowRoot!.querySelectorAll('button.marker').length === 6, 'six seek-bar markers');
    const labels = [...el.shadowRoot!.querySelectorAll('button.marker')].map((b) => b.getAttribute('aria-label'));
    expect(labels[0]).to.equal('Linen overshirt at 0:01');
    expect(labels).to.include('Hydrating Rose Serum, 30 ml at 0:08');
  });

  it('seek-bar markers are one tab stop; arrows move between them and Enter seeks', async () => {
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.fmp4} show=${SHOW} muted></shoppable-video>`);
    await el.play();
    el.pause();
    await until(() => el.shadowRoot!.querySelectorAll('button.marker').length === 6, 'markers');
    const markers = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.marker')];
    expect(markers.filter((m) => m.tabIndex === 0)).to.have.length(1);
    markers[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(markers[2]);
    await sendKeys({ press: 'Enter' });
    await until(() => Math.abs(el.currentTime - 8) < 0.05, 'a seek to the serum at 8 s');
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(markers[5]);
    await expect(el).to.be.accessible();
  });

  it('the HTML form of the example show gives the same timeline as the JSON form', async () => {
    const json = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.fmp4} show=${SHOW} muted></shoppable-video>`);
    await until(() => json.timeline?.cues.length === 6, 'the JSON show');
    const markup = (await (await fetch('/docs/examples/show.html')).text()).replace(/ src="[^"]*"/, ` src="${STREAMS.fmp4}"`).replace(/ poster="[^"]*"/, '');
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    box.innerHTML = markup;
    const fromHtml = box.querySelector('shoppable-video')!;
    await until(() => fromHtml.timeline?.cues.length === 6, 'the HTML show');
    expect(strip(fromHtml.timeline!.cues)).to.deep.equal(strip(json.timeline!.cues));
    const summary = (el: ShoppableVideoElement) =>
      [...el.products.values()].map((p) => [p.id, p.title, p.price, p.compareAtPrice, p.currency, p.variants?.length ?? 0, p.refs]);
    expect(summary(fromHtml)).to.deep.equal(summary(json));
  });

  it('children added or removed at run time update the show; pin() and unpin() add and remove cues', async () => {
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.fmp4} muted>
      <shoppable-product product-id="tote" title="Canvas Tote" price="3500" currency="EUR" start="0" end="30"></shoppable-product>
    </shoppable-video>`);
    await until(() => el.products.has('tote'), 'the tote from HTML');
    const child = document.createElement('shoppable-product');
    for (const [k, v] of Object.entries({ 'product-id': 'cap', title: 'Wool Cap', price: '2500', currency: 'EUR', start: '2', end: '4' })) child.setAttribute(k, v);
    el.append(child);
    await until(() => el.products.has('cap') && el.timeline!.cues.length === 2, 'the cap added at run time');
    el.querySelector('shoppable-product[product-id="tote"]')!.remove();
    await until(() => !el.products.has('tote'), 'the tote removed');

    const cueId = await el.pin('cap', { start: 0, end: 60, x: 0.5, y: 0.5 });
    await el.play();
    await until(() => el.activeCues.some((c) => c.id === cueId), 'the pinned cue to become active');
    expect(await el.unpin(cueId)).to.equal(true);
    await until(() => !el.activeCues.some((c) => c.id === cueId), 'the pin to go');
    let thrown: unknown;
    await el.pin('cap', { start: 5, end: 1 }).catch((e) => (thrown = e));
    expect(thrown).to.be.instanceOf(TypeError);
    expect(String(thrown)).to.contain('end');
  });

  // `show = null` means "no show" on the element (documented), so that parser case is left out here.
  const elementCases = cases.filter((c) => c.input !== null);

  it(`each of ${elementCases.length} malformed manifests gives its documented error while the video keeps playing`, async function () {
    this.timeout(60_000);
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.fmp4} muted loop></shoppable-video>`);
    const errors = recordErrors(el);
    await el.play();
    await until(() => el.playing, 'playback');
    for (const c of elementCases) {
      errors.length = 0;
      const loaded = oneEvent(el, 'sv-show-load');
      // Objects are set as the property; text is served as a file, as a merchant would.
      el.show = typeof c.input === 'string' ? URL.createObjectURL(new Blob([c.input], { type: 'application/json' })) : (c.input as never);
      await loaded;
      const manifestErrors = errors.filter((e) => e.source === 'manifest');
      const match = manifestErrors.find((e) => e.message.includes(c.path ? `${c.path}: ` : '') && e.message.includes(c.message));
      expect(match, `${c.name}: an sv-error naming ${c.path || 'the document'} — got ${JSON.stringify(manifestErrors.map((e) => e.message))}`).to.exist;
      expect(match!.fatal).to.equal(false);
      expect(match!.code).to.equal(c.refused && c.path === 'version' ? 'MANIFEST_VERSION' : 'MANIFEST_INVALID');
      expect(el.paused, `${c.name}: the video keeps playing`).to.equal(false);
      expect(el.error).to.equal(null);
    }
    const t = el.currentTime;
    await until(() => el.currentTime !== t, 'time to keep advancing');
  });

  it('a 404 or unreachable manifest URL is reported and the video still plays', async () => {
    const el = document.createElement('shoppable-video');
    el.muted = true;
    el.src = STREAMS.mp4;
    el.setAttribute('show', '/docs/examples/missing-show.json');
    const errors = recordErrors(el);
    await fixture(el);
    await until(() => errors.length > 0, 'the manifest error');
    expect(errors[0]).to.deep.include({ source: 'manifest', code: 'MANIFEST_LOAD_FAILED', fatal: false });
    expect(errors[0]!.message).to.match(/missing-show\.json could not be loaded: the server answered HTTP 404/);
    await el.play();
    await until(() => el.currentTime > 0.3, 'playback');
    expect((errors as ShoppableError[]).filter((e) => e.fatal)).to.deep.equal([]);
  });
});
