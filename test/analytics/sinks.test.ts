// The opt-in sinks and consent (docs/analytics.md): GA4-shaped dataLayer pushes, Segment and
// Shopify customer events, batched beacons on pagehide to the local collector, and nothing at
// all — no push, no request, no cookie, no storage — without consent or after it is withdrawn.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/analytics/sinks.js'; // the chunk is in the module cache: the player's import of it resolves at once
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { ShoppableOverlayElement } from '../../src/overlay/overlay.component.js';
import { STREAMS, failOnUncaught, until } from '../helpers.js';
import { frames, spot } from '../overlay/harness.js';
import { recordCatalogue } from './record.js';

type Requests = { requests: { events: Record<string, unknown>[]; bytes: number; type: string }[] };
const received = (bucket: string): Promise<Requests> => fetch(`/collect?bucket=${bucket}`).then((r) => r.json());
const w = window as unknown as Record<string, unknown> & { dataLayer?: unknown[] };

async function mount(attrs: Record<string, string>) {
  const box = await fixture<HTMLDivElement>(html`<div style="width: 800px">
    <shoppable-video src=${STREAMS.fmp4} show="/docs/examples/show.json" locale="en-US" muted></shoppable-video>
  </div>`);
  const player = box.querySelector<ShoppableVideoElement>('shoppable-video')!;
  for (const [k, v] of Object.entries(attrs)) player.setAttribute(k, v);
  const overlay = (await until(() => player.overlay, 'the overlay')) as ShoppableOverlayElement;
  await until(() => player.media!.videoWidth > 0, 'video metadata');
  const at = async (t: number, cue: string) => {
    player.currentTime = t;
    await until(() => overlay.active.some((c) => c.id === cue), `cue ${cue}`);
    await overlay.updateComplete;
    await frames();
  };
  return { player, overlay, at };
}

/** Plays, shows the overshirt until its impression, clicks its hotspot: start, impression, click. */
async function session(m: Awaited<ReturnType<typeof mount>>, rec: ReturnType<typeof recordCatalogue>) {
  await m.player.play();
  await until(() => rec.of('sv-video-start').length, 'video start');
  m.player.pause();
  await m.at(1.5, 'overshirt-intro');
  await until(() => rec.of('sv-product-impression').length, 'the impression', 5000);
  spot(m.overlay, 'overshirt-intro').click();
  await m.overlay.updateComplete;
}

/** Requests the page made to the collector, other than this test's own reads of it. */
const sent = (b: string) => performance.getEntriesByType('resource').filter((e) => e.name.includes(`bucket=${b}`) && (e as PerformanceResourceTiming).initiatorType !== 'fetch').map((e) => e.name);
const bucket = () => `t${Math.random().toString(36).slice(2)}`;
const pagehide = () => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));

describe('analytics sinks and consent', () => {
  failOnUncaught();
  let rec: ReturnType<typeof recordCatalogue>;
  let track: [string, Record<string, unknown>][];
  let publish: [string, Record<string, unknown>][];
  beforeEach(() => {
    rec = recordCatalogue();
    delete w.dataLayer;
    delete w.svAnalyticsConsent;
    track = [];
    publish = [];
    w.analytics = { track: (name: string, props: Record<string, unknown>) => track.push([name, props]) };
    w.Shopify = { analytics: { publish: (name: string, data: Record<string, unknown>) => publish.push([name, data]) } };
  });
  afterEach(() => {
    rec.stop();
    for (const k of ['dataLayer', 'svAnalyticsConsent', 'analytics', 'Shopify']) delete w[k];
  });

  it('the dataLayer receives GA4 ecommerce and video events; Segment and Shopify get theirs', async () => {
    const m = await mount({ analytics: 'datalayer segment shopify', 'analytics-consent': 'granted' });
    await session(m, rec);
    const layer = w.dataLayer as Record<string, unknown>[];
    const events = layer.map((e) => e.event ?? (e.ecommerce === null ? 'clear' : '?'));
    expect(events).to.deep.equal(['video_start', 'clear', 'view_item', 'clear', 'select_item']);
    const viewId = rec.seen[0]!.detail.viewId;
    const item = { item_id: 'linen-overshirt', item_name: m.overlay.products.get('linen-overshirt')!.title, price: 68, quantity: 1 };
    expect(layer[2]).to.deep.equal({
      event: 'view_item', sv_show_id: 'spring-edit-2025', sv_view_id: viewId, sv_cue_id: 'overshirt-intro', sv_media_time: 1.5,
      ecommerce: { currency: 'USD', value: 68, items: [item] },
    });
    expect(layer[4]).to.deep.include({ event: 'select_item', sv_source: 'hotspot', ecommerce: { currency: 'USD', value: 68, item_list_id: 'spring-edit-2025', item_list_name: 'shoppable-video', items: [item] } });
    expect(layer[0]).to.include({ event: 'video_start', video_provider: 'shoppable-video', video_title: 'spring-edit-2025', sv_view_id: viewId });

    expect(track.map(([n]) => n)).to.deep.equal(['Video Playback Started', 'Product Viewed', 'Product Clicked']);
    expect(track[1]![1]).to.include({ product_id: 'linen-overshirt', price: 68, currency: 'USD', show_id: 'spring-edit-2025', cue_id: 'overshirt-intro', view_id: viewId });
    expect(publish.map(([n]) => n)).to.deep.equal(['sv-video-start', 'sv-product-impression', 'sv-product-click']);
    expect(publish[1]![1]).to.include({ type: 'sv-product-impression', productId: 'linen-overshirt', price: 6800, currency: 'USD', viewId });
  });

  it('beacons wait in a batch and leave on pagehide; batches are capped in count and bytes', async () => {
    const b = bucket();
    const m = await mount({ 'analytics-beacon': `/collect?bucket=${b}`, 'analytics-consent': 'granted' });
    await session(m, rec);
    expect((await received(b)).requests, 'nothing before pagehide').to.deep.equal([]);
    pagehide();
    const { requests } = await until(async () => ((await received(b)).requests.length ? received(b) : null), 'the beacon');
    expect(requests).to.have.length(1);
    expect(requests[0]!.type).to.match(/^text\/plain/);
    expect(requests[0]!.events.map((e) => e.type)).to.deep.equal(['sv-video-start', 'sv-product-impression', 'sv-product-click']);
    expect(requests[0]!.events[1]).to.include({ productId: 'linen-overshirt', cueId: 'overshirt-intro', showId: 'spring-edit-2025', price: 6800, currency: 'USD', mediaTime: 1.5 });

    // 60 events of about 3 KB: several requests, none over 16 KB or 25 events, none lost or doubled (past the
    // browser's 64 KB of beacons in flight, the rest wait and go a moment later).
    for (let i = 0; i < 60; i++) m.player.dispatchEvent(new CustomEvent('sv-cart-error', { detail: { productId: `p${i}`, code: 'UNKNOWN', message: 'x'.repeat(3000) } }));
    pagehide();
    const all = await until(async () => {
      const r = (await received(b)).requests.slice(1);
      return r.reduce((n, q) => n + q.events.length, 0) === 60 ? r : null;
    }, 'sixty events');
    expect(all.length).to.be.greaterThan(3);
    for (const q of all) {
      expect(q.bytes).to.be.at.most(16_000);
      expect(q.events.length).to.be.at.most(25);
    }
    // Each request in order; requests travel in parallel, so they may arrive in any order.
    const n = (e: Record<string, unknown>) => Number(String(e.productId).slice(1));
    for (const q of all) expect(q.events.map(n)).to.deep.equal([...q.events.map(n)].sort((a, b) => a - b));
    expect(all.flatMap((q) => q.events.map(n)).sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 60 }, (_, i) => i));
  });

  it('without consent nothing leaves the page and nothing is stored; Consent Mode v2 then grants', async () => {
    const b = bucket();
    const gtag = (...args: unknown[]) => (w.dataLayer as unknown[]).push(args);
    w.dataLayer = [];
    gtag('consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied' });
    const m = await mount({ analytics: 'datalayer segment shopify', 'analytics-beacon': `/collect?bucket=${b}` });
    await session(m, rec);
    pagehide();
    expect(rec.seen.map((s) => s.type)).to.include.members(['sv-video-start', 'sv-product-impression', 'sv-product-click']); // the page still sees the DOM events
    expect(w.dataLayer).to.have.length(1); // gtag's own command only
    expect(track).to.deep.equal([]);
    expect(publish).to.deep.equal([]);
    expect(sent(b)).to.deep.equal([]);
    expect((await received(b)).requests).to.deep.equal([]);
    expect(document.cookie).to.equal('');
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);

    // The visitor accepts: from the next event on, everything flows.
    gtag('consent', 'update', { analytics_storage: 'granted' });
    m.overlay.closeCard(false);
    spot(m.overlay, 'overshirt-intro').click();
    expect((w.dataLayer as Record<string, unknown>[]).map((e) => e.event).filter(Boolean)).to.deep.equal(['select_item']);
    expect(track.map(([n]) => n)).to.deep.equal(['Product Clicked']);
  });

  it('consent withdrawn mid-session stops every sink at once and drops what was queued', async () => {
    const b = bucket();
    w.svAnalyticsConsent = () => true; // the page's hook (docs/analytics.md)
    const privacy = { allowed: true };
    const m = await mount({ analytics: 'datalayer segment', 'analytics-beacon': `/collect?bucket=${b}` });
    await session(m, rec);
    expect(track.map(([n]) => n)).to.deep.equal(['Video Playback Started', 'Product Viewed', 'Product Clicked']);
    const pushed = (w.dataLayer as unknown[]).length;

    w.svAnalyticsConsent = () => false;
    m.overlay.closeCard(false);
    spot(m.overlay, 'overshirt-intro').click();
    pagehide();
    expect(rec.of('sv-product-click')).to.have.length(2); // the DOM event still fires
    expect(track).to.have.length(3);
    expect(w.dataLayer).to.have.length(pushed);
    expect(sent(b)).to.deep.equal([]);
    expect((await received(b)).requests).to.deep.equal([]);

    // Shopify's Customer Privacy API is read the same way when the page has no hook.
    delete w.svAnalyticsConsent;
    w.Shopify = { customerPrivacy: { analyticsProcessingAllowed: () => privacy.allowed } };
    m.overlay.closeCard(false);
    spot(m.overlay, 'overshirt-intro').click();
    expect(track).to.have.length(4);
    privacy.allowed = false;
    m.overlay.closeCard(false);
    spot(m.overlay, 'overshirt-intro').click();
    expect(track).to.have.length(4);
  });
});
