// The player's own checkout wiring: adapter from attributes, live prices, the cart count,
// attribution on the store's line, and teardown that aborts what is in flight.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { Show } from '../../src/timeline/types.js';
import { PRODUCTS, fault, preparePage, requestLog, resetStore, serverLines } from '../commerce/store.js';
import { STREAMS, until, failOnUncaught } from '../helpers.js';

/** A show whose prices are stale on purpose: the store's live prices must replace them. */
const show = (): Show => ({
  version: '1.0',
  id: 'spring-live',
  currency: 'USD',
  products: [
    { ...PRODUCTS.serum, price: 1, currency: 'USD' },
    { ...PRODUCTS.sneaker, price: 1, currency: 'USD' },
  ],
  cues: [{ id: 'serum-cue', productId: 'rose-serum-30', start: 0, end: 20, x: 0.5, y: 0.5 }],
});

async function mount(): Promise<ShoppableVideoElement> {
  const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.mp4} muted checkout="shopify" .show=${show()}></shoppable-video>`);
  await until(() => el.flow, 'the cart flow');
  return el;
}

describe('checkout in the player', () => {
  failOnUncaught();
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
  });

  it('hydrates the show with the store’s live price and availability', async () => {
    const el = await mount();
    await until(() => el.products.get('rose-serum-30')?.price === 3900, 'the serum’s live price');
    expect(el.products.get('canvas-sneaker')!.price).to.equal(7500);
    expect(el.products.get('canvas-sneaker')!.available).to.equal(false);
  });

  it('adds through the store, with the show and cue on the line, and counts the cart', async () => {
    const el = await mount();
    const product = el.products.get('rose-serum-30')!;
    const res = await el.flow!.add('serum-cue', { product, quantity: 2 }, 'serum-cue');
    expect(res.ok).to.equal(true);
    const lines = await serverLines('shopify');
    expect(lines.map((l) => [l.sku, l.quantity])).to.deep.equal([['PF-RS-30', 2]]);
    expect(lines[0]!.properties).to.deep.include({ _shoppable_show: 'spring-live', _shoppable_cue: 'serum-cue' });
    expect(el.flow!.cartCount).to.equal(2);
  });

  it('removing the element aborts the add in flight and sends nothing more (the store still commits it once)', async () => {
    const el = await mount();
    await fault('shopify', 'slow', { delayMs: 800 });
    const pending = el.flow!.add('serum-cue', { product: el.products.get('rose-serum-30')!, quantity: 1 });
    await until(async () => (await requestLog('shopify')).some((e) => e.path === '/cart/add.js'), 'the add to reach the store');
    el.remove();
    const res = await pending;
    expect(res.ok).to.equal(false);
    expect(!res.ok && res.error.code).to.equal('ABORTED');
    // Real stores do not roll back on disconnect: the abandoned add lands, once.
    await until(async () => (await serverLines('shopify')).length === 1, 'the store to commit the abandoned add');
    const log = await requestLog('shopify');
    expect(log.filter((e) => e.path === '/cart/add.js').map((e) => e.aborted)).to.deep.equal([true]);
    expect(log.filter((e) => e.path === '/cart.js' && e.method === 'GET').length, 'no re-read after removal').to.be.at.most(1);
  });

  it('an unknown checkout name is reported with the valid names', async () => {
    const el = document.createElement('shoppable-video');
    const errors: string[] = [];
    el.addEventListener('sv-error', (e) => errors.push((e as CustomEvent).detail.message));
    el.setAttribute('checkout', 'magento');
    el.show = show();
    await fixture(el);
    await until(() => errors.length, 'a checkout error');
    expect(errors[0]).to.match(/Unknown checkout "magento"\. Use one of: shopify, shopify-storefront, woocommerce, bigcommerce, link, events/);
  });
});
