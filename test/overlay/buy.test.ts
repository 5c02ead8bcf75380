// The buy UI against the local storefront (Shopify Ajax cart): busy, joins, errors, retry.
import { expect, fixture, html } from '@open-wc/testing';
import type { ShoppableOverlayElement } from '../../src/overlay/overlay.component.js';
import type { CartAddDetail, CartErrorDetail } from '../../src/overlay/overlay.component.js';
import { fault, preparePage, requestLog, resetStore, serverLines } from '../commerce/store.js';
import { STREAMS, until } from '../helpers.js';
import { mount, piece, spot } from './harness.js';

const HOOPS = '44012345679100';

describe('buying from a card', () => {
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
  });

  async function hoopsCard() {
    const m = await mount({ checkout: 'shopify' });
    await until(() => m.overlay.flow && m.overlay.flow.cartCount === 0, 'the cart flow and the count');
    await m.at(12.7, 'serum-shelf', 'sneaker-walk', 'hoops-finish');
    spot(m.overlay, 'hoops-finish').click();
    await m.overlay.updateComplete;
    return m;
  }

  it('adds exactly once for ten rapid clicks, shows busy then Added, the count, Checkout and View cart', async () => {
    const { player, overlay } = await hoopsCard();
    const adds: CartAddDetail[] = [];
    player.addEventListener('sv-cart-add', (e) => adds.push((e as CustomEvent<CartAddDetail>).detail));
    await fault('shopify', 'slow', { delayMs: 400 });
    const buy = piece<HTMLButtonElement>(overlay, 'buy-button');
    expect(buy.textContent!.trim()).to.equal('Add to cart');
    for (let i = 0; i < 10; i++) buy.click();
    await overlay.updateComplete;
    expect(buy.getAttribute('aria-disabled')).to.equal('true');
    expect(buy.textContent!.trim()).to.equal('Adding…');
    await until(() => overlay.flow!.state('gold-hoops').status === 'success', 'the add');
    await overlay.updateComplete;
    expect((await serverLines('shopify')).map((l) => [l.variantId, l.quantity])).to.deep.equal([[HOOPS, 1]]);
    expect(adds.map((a) => [a.productId, a.variantId, a.quantity, a.cueId, a.cart?.itemCount])).to.deep.equal([['gold-hoops', HOOPS, 1, 'hoops-finish', 1]]);
    expect(piece(overlay, 'buy-button').textContent!.trim()).to.equal('✓ Added');
    expect(piece<HTMLAnchorElement>(overlay, 'checkout-button').getAttribute('href')).to.equal('/checkout');
    expect(piece<HTMLAnchorElement>(overlay, 'checkout-button').target).to.equal('_blank');
    expect(piece(overlay, 'view-cart-button').textContent!.trim()).to.equal('View cart');
    expect(piece(overlay, 'cart-count').textContent).to.contain('1 in cart');
    await until(() => piece(overlay, '[role="status"]').textContent === 'Added 1 × Small Gold Hoop Earrings to the cart', 'the announcement');
  });

  it('shows the store’s reason on a failure, offers Retry only when a retry can help, other cards keep working', async () => {
    const { player, overlay } = await hoopsCard();
    const errors: CartErrorDetail[] = [];
    player.addEventListener('sv-cart-error', (e) => errors.push((e as CustomEvent<CartErrorDetail>).detail));
    await fault('shopify', 'sold-out');
    piece(overlay, 'buy-button').click();
    await until(() => overlay.shadowRoot!.querySelector('[part~="card-error"]'), 'the error on the card');
    const message = piece(overlay, 'card-error');
    expect(message.textContent).to.equal("The product 'Small Gold Hoop Earrings' is already sold out.");
    expect(message.getAttribute('role')).to.equal('alert');
    expect(overlay.shadowRoot!.querySelector('[part~="retry-button"]'), 'no Retry for a sold-out product').to.equal(null);
    expect(errors.map((e) => [e.productId, e.code])).to.deep.equal([['gold-hoops', 'OUT_OF_STOCK']]);
    expect(await serverLines('shopify')).to.deep.equal([]);

    // Another card still works while this one shows its error.
    spot(overlay, 'sneaker-walk').click();
    await overlay.updateComplete;
    expect(piece<HTMLButtonElement>(overlay, 'buy-button').disabled, 'the sneaker is sold out').to.equal(true);
    expect(piece(overlay, 'buy-button').textContent!.trim()).to.equal('Sold out');
    spot(overlay, 'hoops-finish').click();
    await overlay.updateComplete;
    expect(piece(overlay, 'card-error').textContent).to.contain('sold out');

    // A rate limit is worth retrying: Retry is offered and adds exactly once.
    await fault('shopify', 'rate-limit');
    piece(overlay, 'buy-button').click();
    await until(() => overlay.shadowRoot!.querySelector('[part~="retry-button"]'), 'Retry after a rate limit');
    expect(piece(overlay, 'card-error').textContent).to.equal('Too many requests. Please slow down.');
    piece(overlay, 'retry-button').click();
    await until(() => overlay.flow!.state('gold-hoops').status === 'success', 'the retry');
    await overlay.updateComplete;
    expect(overlay.shadowRoot!.querySelector('[part~="card-error"]')).to.equal(null);
    expect((await serverLines('shopify')).map((l) => [l.variantId, l.quantity])).to.deep.equal([[HOOPS, 1]]);
  });

  it('an add whose outcome cannot be known says so, with View cart and no Retry', async () => {
    // The cart cannot be read on mount (no baseline), and the add's answer is cut off.
    await fault('shopify', 'server-error', { on: 'read', times: -1 });
    const { overlay, at } = await mount({ checkout: 'shopify' });
    await until(() => overlay.flow, 'the cart flow');
    await at(12.7, 'serum-shelf', 'sneaker-walk', 'hoops-finish');
    spot(overlay, 'hoops-finish').click();
    await overlay.updateComplete;
    await fault('shopify', 'drop');
    piece(overlay, 'buy-button').click();
    await until(() => overlay.flow!.state('gold-hoops').status === 'uncertain', 'the uncertain outcome');
    await overlay.updateComplete;
    expect(piece(overlay, 'card-error').textContent).to.equal('May have been added — check your cart');
    expect(overlay.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
    expect(piece(overlay, 'buy-button').textContent!.trim()).to.equal('Add to cart');
    expect(piece(overlay, 'view-cart-button').textContent!.trim()).to.equal('View cart');
    expect((await serverLines('shopify')).map((l) => l.quantity)).to.deep.equal([1]);
  });

  it('an add in flight when the checkout settings change finishes and shows on the card', async () => {
    const { player, overlay } = await hoopsCard();
    const adds: CartAddDetail[] = [];
    player.addEventListener('sv-cart-add', (e) => adds.push((e as CustomEvent<CartAddDetail>).detail));
    await fault('shopify', 'slow', { delayMs: 500 });
    piece(overlay, 'buy-button').click();
    await until(async () => (await requestLog('shopify')).some((e) => e.path === '/cart/add.js'), 'the add to reach the store');
    const before = overlay.flow;
    player.setAttribute('checkout-url', '/checkout?from=show');
    await until(() => overlay.flow && overlay.flow !== before, 'the rebuilt flow');
    await until(() => overlay.flow!.state('gold-hoops').status === 'success', 'the add to finish on the new flow');
    await overlay.updateComplete;
    expect(adds.map((a) => a.productId)).to.deep.equal(['gold-hoops']);
    expect(piece(overlay, 'buy-button').textContent!.trim()).to.equal('✓ Added');
    expect((await serverLines('shopify')).map((l) => l.quantity)).to.deep.equal([1]);
  });

  it('adds the chosen variant and quantity; unavailable combinations cannot be chosen', async () => {
    const { overlay, at } = await mount({ checkout: 'shopify' });
    await until(() => overlay.flow, 'the cart flow');
    await at(2, 'overshirt-intro');
    spot(overlay, 'overshirt-intro').click();
    await overlay.updateComplete;
    const radio = (axis: number, value: string) => piece<HTMLInputElement>(overlay, `input[name="axis-${axis}"][value="${value}"]`);
    // The first available variant: S / Sand.
    expect([radio(0, 'S').checked, radio(1, 'Sand').checked]).to.deep.equal([true, true]);
    radio(0, 'L').click();
    await overlay.updateComplete;
    expect(radio(1, 'Olive').disabled, 'L / Olive is sold out').to.equal(true);
    expect(radio(1, 'Sand').disabled).to.equal(false);
    expect(piece(overlay, 'availability').textContent).to.equal('Only 3 left');
    const plus = piece(overlay, '[aria-label="Increase quantity"]');
    for (let i = 0; i < 5; i++) plus.click();
    await overlay.updateComplete;
    expect(piece<HTMLInputElement>(overlay, '.qty input').value, 'at most the stock').to.equal('3');
    piece(overlay, '[aria-label="Decrease quantity"]').click();
    await overlay.updateComplete;
    piece(overlay, 'buy-button').click();
    await until(() => overlay.flow!.state('linen-overshirt').status === 'success', 'the add');
    expect((await serverLines('shopify')).map((l) => [l.variantId, l.quantity])).to.deep.equal([['44012345678903', 2]]);
  });
});

describe('a JPY Shopify store end to end (money in hundredths)', () => {
  beforeEach(async () => {
    await resetStore({ shopifyCurrency: 'JPY' });
    await preparePage('shopify');
    (window as any).Shopify.currency = { active: 'JPY', rate: '1.0' };
  });

  it('Liquid output → card price → cart: ¥3,900 everywhere, never ¥390,000', async () => {
    // What the Liquid guide's template prints for a ¥3,900 serum (product.price is 390000).
    const liquidPrice = 390000 / 100; // {{ product.price | divided_by: sv_money_div }} with sv_money_div = 100 for JPY
    const box = await fixture<HTMLDivElement>(html`<div style="width: 800px">
      <shoppable-video src=${STREAMS.fmp4} checkout="shopify" locale="en-US" muted>
        <shoppable-product product-id="rose-serum-30" title="Hydrating Rose Serum, 30 ml" price=${liquidPrice} currency="JPY"
          shopify-handle="hydrating-rose-serum-30ml" shopify-variant-id="44012345679040" start="0" end="20" x="0.5" y="0.5"></shoppable-product>
      </shoppable-video></div>`);
    const player = box.querySelector('shoppable-video')!;
    const overlay = (await until(() => player.overlay, 'the overlay')) as ShoppableOverlayElement;
    await until(() => overlay.flow && overlay.flow.cartCount === 0, 'the cart flow');
    await until(() => player.products.get('rose-serum-30')?.variants?.length, 'hydration from products/{handle}.js');
    const spotEl = await until(() => overlay.shadowRoot!.querySelector<HTMLElement>('.hotspot'), 'the hotspot');
    spotEl!.click();
    await overlay.updateComplete;
    await until(() => piece(overlay, 'price').textContent!.includes('3,900'), 'the card price in yen');
    expect(piece(overlay, 'price').textContent).to.not.contain('390,000');
    piece(overlay, 'buy-button').click();
    await until(() => overlay.flow!.state('rose-serum-30').status === 'success', 'the add');
    expect(overlay.flow!.cart).to.deep.include({ total: 3900, currency: 'JPY' });
    expect(overlay.flow!.cart!.lines[0]!.price).to.equal(3900);
    expect((await serverLines('shopify')).map((l) => [l.variantId, l.quantity])).to.deep.equal([['44012345679040', 1]]);
    delete (window as any).Shopify.currency;
  });
});
