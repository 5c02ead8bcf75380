// The event catalogue (docs/events.md) in a scripted viewing session against the local
// storefront: each event once, with the show's common fields, and no sinks chunk without a sink.
import { expect } from '@open-wc/testing';
import { preparePage, fault, resetStore } from '../commerce/store.js';
import { failOnUncaught, until } from '../helpers.js';
import { mount, piece, spot } from '../overlay/harness.js';
import { recordCatalogue } from './record.js';

const SHOW_ID = 'spring-edit-2025';

/** Following the card's Checkout link would open a tab: the event is what is under test. */
function blockCheckoutNavigation(): () => void {
  const block = (e: Event) => {
    if ((e.composedPath()[0] as Element).closest?.('a[part~="checkout-button"]')) e.preventDefault();
  };
  document.addEventListener('click', block, true);
  return () => document.removeEventListener('click', block, true);
}

describe('the event catalogue', () => {
  failOnUncaught();
  let rec: ReturnType<typeof recordCatalogue>;
  let unblock: () => void;
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
    rec = recordCatalogue();
    unblock = blockCheckoutNavigation();
  });
  afterEach(() => {
    rec.stop();
    unblock();
  });

  it('a scripted viewing session fires each event once, with show, product, variant, price, currency, media time and view id', async () => {
    const { player, overlay, at } = await mount({ checkout: 'shopify' });
    await until(() => overlay.flow && overlay.flow.cartCount === 0, 'the cart flow');
    await player.play();
    await until(() => rec.of('sv-video-start').length, 'video start');
    player.pause();

    // The overshirt's hotspot is on screen: one impression after a second.
    await at(1.5, 'overshirt-intro');
    await until(() => rec.of('sv-product-impression').length, 'the impression', 5000);
    spot(overlay, 'overshirt-intro').click();
    await overlay.updateComplete;
    const other = piece(overlay, 'options').querySelector<HTMLInputElement>('input[type="radio"]:not(:checked):not(:disabled)')!;
    other.click();
    await overlay.updateComplete;
    const chosen = overlay.products.get('linen-overshirt')!.variants!.find((v) => v.options.includes(other.value) && v.options.every((o, i) => o === [...overlay.selections.get('linen-overshirt')!][i]))!;

    piece<HTMLButtonElement>(overlay, 'buy-button').click();
    await until(() => rec.of('sv-cart-add').length, 'the add');
    await overlay.updateComplete;
    piece<HTMLAnchorElement>(overlay, 'checkout-button').click();
    expect(rec.of('sv-checkout')).to.have.length(1);

    // A second add that the store refuses.
    await fault('shopify', 'sold-out');
    piece<HTMLButtonElement>(overlay, 'buy-button').click();
    await until(() => rec.of('sv-cart-error').length, 'the failed add');

    // To the end: the quartiles on the way, then complete.
    overlay.closeCard(false);
    player.currentTime = 19.6;
    await player.play();
    await until(() => rec.of('sv-video-complete').length, 'complete');

    const counts: Record<string, number> = {};
    for (const s of rec.seen) counts[s.type] = (counts[s.type] ?? 0) + 1;
    expect(counts).to.include({
      'sv-video-start': 1, 'sv-video-progress': 3, 'sv-video-complete': 1, 'sv-product-click': 1, 'sv-variant-change': 1,
      'sv-cart-add-request': 2, 'sv-cart-add': 1, 'sv-cart-error': 1, 'sv-checkout': 1,
    });
    expect(counts['sv-live-join']).to.equal(undefined);
    expect(rec.of('sv-video-progress').map((s) => s.detail.percent)).to.deep.equal([25, 50, 75]);
    // At most one impression per cue; the overshirt's exactly once.
    const cues = rec.of('sv-product-impression').map((s) => s.detail.cueId);
    expect(new Set(cues).size).to.equal(cues.length);
    expect(cues.filter((c) => c === 'overshirt-intro')).to.have.length(1);

    // The common fields: one view id for the page, the show's id, no personal data.
    const viewId = rec.seen[0]!.detail.viewId as string;
    expect(viewId).to.match(/^[0-9a-f]{32}$/);
    for (const s of rec.seen) {
      expect(s.detail.viewId, s.type).to.equal(viewId);
      expect(s.detail.showId, s.type).to.equal(SHOW_ID);
      expect(s.detail.mediaTime, s.type).to.be.a('number');
    }
    const start = rec.of('sv-video-start')[0]!.detail;
    expect(start).to.include({ productId: undefined, live: false });
    expect(start.duration).to.be.closeTo(player.duration, 0.2); // the stream's duration firms up as it loads
    expect(start.mediaTime).to.be.within(0, 1);

    const overshirt = { showId: SHOW_ID, productId: 'linen-overshirt', productName: overlay.products.get('linen-overshirt')!.title, currency: 'USD', cueId: 'overshirt-intro' };
    const impression = rec.of('sv-product-impression').find((s) => s.detail.cueId === 'overshirt-intro')!.detail;
    expect(impression).to.include({ ...overshirt, price: 6800 });
    expect(impression.mediaTime).to.equal(1.5);
    expect(rec.of('sv-product-click')[0]!.detail).to.include({ ...overshirt, source: 'hotspot', mediaTime: 1.5 });
    const variant = { ...overshirt, variantId: chosen.id, price: chosen.price ?? 6800, mediaTime: 1.5 };
    expect(rec.of('sv-variant-change')[0]!.detail).to.include(variant);
    for (const r of rec.of('sv-cart-add-request')) expect(r.detail).to.include({ ...variant, quantity: 1, retry: false });
    expect(rec.of('sv-cart-add')[0]!.detail).to.include({ ...variant, quantity: 1 });
    expect(rec.of('sv-checkout')[0]!.detail).to.include({ ...variant });
    expect(rec.of('sv-checkout')[0]!.detail.url).to.be.a('string');
    expect(rec.of('sv-cart-error')[0]!.detail).to.include({ ...variant, code: 'OUT_OF_STOCK' });
    for (const q of rec.of('sv-video-progress')) expect(q.detail.mediaTime).to.be.at.least(0.75 * player.duration - 0.01);
    expect(rec.of('sv-video-complete')[0]!.detail.mediaTime).to.be.closeTo(player.duration, 0.1);

    // No sink configured: the sinks chunk was never downloaded.
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes('/analytics/sinks'))).to.deep.equal([]);
  });
});
