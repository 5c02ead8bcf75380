// The Shopify theme cart: Dawn's drawer and pub/sub, the standard Shopify.actions, locale
// roots and both 422 behaviours. The stand-ins follow the documented contracts.
import { expect } from '@open-wc/testing';
import { CartFlow } from '../../src/commerce/cart-flow.js';
import { loadAdapter } from '../../src/commerce/registry.js';
import { PRODUCTS, configFor, line, preparePage, requestLog, resetStore, serverLines, units } from './store.js';

const w = window as any;
const shopifyFlow = () => new CartFlow({ adapter: () => loadAdapter('shopify', configFor('shopify')), showId: 'spring-edit-2025' });

class DawnCartDrawer extends HTMLElement {
  rendered: any[] = [];
  opened = 0;
  getSectionsToRender() {
    return [{ id: 'cart-drawer', selector: '#CartDrawer' }, { id: 'cart-icon-bubble' }];
  }
  renderContents(parsedState: any) {
    // Dawn: keeps parsedState.id, swaps each section's .shopify-section innerHTML, then opens.
    this.rendered.push(parsedState);
    for (const section of this.getSectionsToRender()) {
      const el = section.selector ? document.querySelector(section.selector) : document.getElementById(section.id);
      const html = new DOMParser().parseFromString(parsedState.sections[section.id], 'text/html');
      if (el) el.innerHTML = html.querySelector(section.selector ?? '.shopify-section')!.innerHTML;
    }
    this.open();
  }
  open() {
    this.opened++;
  }
}
customElements.define('cart-drawer', DawnCartDrawer);

/** Dawn's <cart-notification> (its default cart type): sections keyed by the added line's `key`. */
class DawnCartNotification extends HTMLElement {
  cartItemKey = '';
  opened = 0;
  getSectionsToRender() {
    return [
      { id: 'cart-notification-product', selector: `[id="cart-notification-product-${this.cartItemKey}"]` },
      { id: 'cart-notification-button' },
      { id: 'cart-icon-bubble' },
    ];
  }
  renderContents(parsedState: any) {
    this.cartItemKey = parsedState.key;
    for (const section of this.getSectionsToRender()) {
      const html = new DOMParser().parseFromString(parsedState.sections[section.id], 'text/html');
      document.getElementById(section.id)!.innerHTML = html.querySelector(section.selector ?? '.shopify-section')!.innerHTML;
    }
    this.opened++;
  }
}
customElements.define('cart-notification', DawnCartNotification);

describe('shopify theme integration', () => {
  let fixture: HTMLElement;
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
    fixture = document.createElement('div');
    document.body.append(fixture);
  });
  afterEach(() => {
    fixture.remove();
    delete w.publish;
    delete w.PUB_SUB_EVENTS;
  });

  it('re-renders a Dawn cart drawer from the sections of add.js and publishes cart-update', async () => {
    fixture.innerHTML = '<cart-drawer><div id="CartDrawer"></div></cart-drawer><a id="cart-icon-bubble"></a>';
    const published: [string, any][] = [];
    w.PUB_SUB_EVENTS = { cartUpdate: 'cart-update' };
    w.publish = (name: string, data: any) => published.push([name, data]);
    const flow = shopifyFlow();
    expect((await flow.add('hoops', line(PRODUCTS.hoops))).ok).to.equal(true);

    const [add] = (await requestLog('shopify')).filter((e) => e.path === '/cart/add.js');
    expect(add!.body.sections).to.deep.equal(['cart-drawer', 'cart-icon-bubble']);
    const drawer = fixture.querySelector('cart-drawer') as DawnCartDrawer;
    expect(drawer.rendered).to.have.length(1);
    expect(drawer.rendered[0].id).to.equal(44012345679100);
    expect(drawer.opened).to.equal(1);
    expect(fixture.querySelector('#CartDrawer li')!.textContent).to.equal('Small Gold Hoop Earrings × 1');
    expect(fixture.querySelector('#cart-icon-bubble .cart-count-bubble')!.textContent).to.equal('1');
    expect(published.map(([n, d]) => [n, d.source, d.productVariantId])).to.deep.equal([['cart-update', 'shoppable-video', 44012345679100]]);

    await flow.openCart();
    expect(drawer.opened).to.equal(2);
  });

  it('opens Dawn’s notification popup ("Added to your cart") with the added line', async () => {
    fixture.innerHTML = '<cart-notification></cart-notification><div id="cart-notification-product"></div><div id="cart-notification-button"></div><a id="cart-icon-bubble"></a>';
    const flow = shopifyFlow();
    await flow.add('serum', line(PRODUCTS.serum)); // another line already in the cart
    const notification = fixture.querySelector('cart-notification') as DawnCartNotification;
    notification.opened = 0;
    expect((await flow.add('hoops', line(PRODUCTS.hoops, 2))).ok).to.equal(true);
    const [, add] = (await requestLog('shopify')).filter((e) => e.path === '/cart/add.js');
    expect(add!.body.sections).to.deep.equal(['cart-notification-product', 'cart-notification-button', 'cart-icon-bubble']);
    const hoopsKey = (await serverLines('shopify')).find((l) => l.variantId === '44012345679100')!.key;
    expect(notification.cartItemKey).to.equal(hoopsKey);
    expect(notification.opened).to.equal(1);
    expect(fixture.querySelector('#cart-notification-product h3')!.textContent).to.equal('Small Gold Hoop Earrings');
    expect(fixture.querySelector('#cart-notification-button')!.textContent).to.equal('View my cart (3)');
    expect(fixture.querySelector('#cart-icon-bubble .cart-count-bubble')!.textContent).to.equal('3');
  });

  it('a page-type cart: the bubble is refreshed, the shopper stays, and View cart goes to the cart page', async () => {
    fixture.innerHTML = '<a id="cart-icon-bubble"></a>';
    w.routes = { cart_url: '/cart' };
    const opened: string[] = [];
    const flow = new CartFlow({ adapter: () => loadAdapter('shopify', { ...configFor('shopify'), navigate: (u) => void opened.push(u) }) });
    try {
      expect((await flow.add('serum', line(PRODUCTS.serum, 2))).ok).to.equal(true);
      expect(fixture.querySelector('#cart-icon-bubble .cart-count-bubble')!.textContent).to.equal('2');
      expect(opened).to.deep.equal([]);
      await flow.openCart();
      expect(opened).to.deep.equal(['/cart']);
    } finally {
      delete w.routes;
    }
  });

  it('without a drawer, refreshes the count bubble and fires cart:refresh', async () => {
    fixture.innerHTML = '<span id="cart-icon-bubble">0</span>';
    let refreshed: any;
    const onRefresh = (e: Event) => (refreshed = (e as CustomEvent).detail);
    document.addEventListener('cart:refresh', onRefresh);
    const flow = shopifyFlow();
    await flow.add('serum', line(PRODUCTS.serum, 3));
    document.removeEventListener('cart:refresh', onRefresh);
    expect(fixture.querySelector('#cart-icon-bubble')!.textContent).to.equal('3');
    expect(refreshed.cart.itemCount).to.equal(3);
  });

  it('adds through Shopify.actions.updateCart when the page has it, and opens the cart with openCart', async () => {
    const calls: any[] = [];
    let opened = 0;
    // Stand-in for the standard actions: writes the cart, answers {cart, userErrors, warnings}.
    w.Shopify.actions = {
      async updateCart(input: any) {
        calls.push(input);
        const items = input.lines.map((l: any) => ({
          id: Number(l.merchandiseId.split('/').pop()), quantity: l.quantity,
          properties: Object.fromEntries(l.attributes.map((a: any) => [a.key, a.value])),
        }));
        const res = await fetch('/cart/add.js', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) });
        if (!res.ok) {
          const body = await res.json();
          return { cart: null, userErrors: [{ code: 'INVALID', field: ['lines', '0', 'quantity'], message: body.description }], warnings: [] };
        }
        const cart = await fetch('/cart.js').then((r) => r.json());
        const lines = cart.items.map((i: any) => ({ id: i.key, quantity: i.quantity, attributes: [], merchandise: { id: `gid://shopify/ProductVariant/${i.variant_id}` } }));
        const result = { cart: { totalQuantity: cart.item_count, cost: { totalAmount: { amount: String(cart.total_price / 100), currencyCode: 'USD' } }, lines }, userErrors: [], warnings: [] };
        document.dispatchEvent(new CustomEvent('shopify:cart:lines-update', { bubbles: true }));
        return result;
      },
      async openCart() {
        opened++;
      },
    };
    const flow = shopifyFlow();
    const res = await flow.add('serum', line(PRODUCTS.serum, 2), 'serum-shelf');
    expect(res.ok, JSON.stringify(res)).to.equal(true);
    expect(calls).to.deep.equal([{ lines: [{
      merchandiseId: 'gid://shopify/ProductVariant/44012345679040', quantity: 2,
      attributes: [{ key: '_shoppable_show', value: 'spring-edit-2025' }, { key: '_shoppable_cue', value: 'serum-shelf' }],
    }] }]);
    expect((await serverLines('shopify')).map((l) => [l.variantId, l.quantity, l.properties._shoppable_cue])).to.deep.equal([['44012345679040', 2, 'serum-shelf']]);
    expect(flow.cartCount).to.equal(2);
    expect(flow.cart!.total).to.equal(7800);
    await flow.openCart();
    expect(opened).to.equal(1);

    const sold = await flow.add('sneaker', line(PRODUCTS.sneaker));
    expect(sold.ok).to.equal(false);
    if (!sold.ok) expect(sold.error).to.include({ code: 'OUT_OF_STOCK', message: "The product 'Canvas Low-Top Sneaker, Chalk' is already sold out." });
  });

  it('builds every URL from Shopify.routes.root (a locale root)', async () => {
    w.Shopify.routes.root = '/fr/';
    const flow = shopifyFlow();
    expect((await flow.add('serum', line(PRODUCTS.serum))).ok).to.equal(true);
    expect((await requestLog('shopify')).map((e) => `${e.method} ${e.path}`)).to.deep.equal(['POST /fr/cart/add.js', 'GET /fr/cart.js']);
    expect(flow.checkoutUrl).to.equal('/fr/checkout');
    expect(units(await serverLines('shopify'))).to.equal(1);
  });

  it('over the stock: all-or-nothing adds nothing; the documented partial add adds what is left', async () => {
    const flow = shopifyFlow();
    let res = await flow.add('hoops', line(PRODUCTS.hoops, 3));
    expect(res.ok).to.equal(false);
    if (!res.ok) expect(res.error).to.include({ code: 'QUANTITY_LIMIT', message: "You can only add 2 of 'Small Gold Hoop Earrings' to the cart.", status: 422 });
    expect(await serverLines('shopify')).to.deep.equal([]);

    await resetStore({ shopify422: 'partial' });
    res = await flow.add('hoops', line(PRODUCTS.hoops, 3));
    expect(res.ok).to.equal(false);
    if (!res.ok) expect(res.error).to.include({ code: 'QUANTITY_LIMIT', message: 'Only 2 items were added to your cart.' });
    expect(units(await serverLines('shopify'))).to.equal(2);
    expect(flow.cartCount).to.equal(2); // the flow re-read the cart: it shows what succeeded

    res = await flow.add('hoops', line(PRODUCTS.hoops, 1));
    if (!res.ok) expect(res.error).to.include({ code: 'QUANTITY_LIMIT', message: 'The maximum quantity of this item is already in your cart.' });
    expect(res.ok).to.equal(false);
  });

  it('the partial-422 fault switches one request to the partial behaviour', async () => {
    await fault422();
    const res = await shopifyFlow().add('hoops', line(PRODUCTS.hoops, 5));
    expect(res.ok).to.equal(false);
    expect(units(await serverLines('shopify'))).to.equal(2);
  });
});

const fault422 = () =>
  fetch('/__store/fault', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ store: 'shopify', fault: 'partial-422' }) });
