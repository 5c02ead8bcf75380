// Store-specific contracts: WooCommerce nonces and minor units, the Storefront API cart id,
// the link adapter's permalinks and the events adapter's answerable DOM events.
import { expect } from '@open-wc/testing';
import { CartFlow } from '../../src/commerce/cart-flow.js';
import { loadAdapter } from '../../src/commerce/registry.js';
import type { AddToCartDetail } from '../../src/commerce/adapters/events.js';
import { until } from '../helpers.js';
import { PRODUCTS, configFor, fault, line, preparePage, requestLog, resetStore, serverCarts, serverLines } from './store.js';

describe('woocommerce contract', () => {
  beforeEach(async () => {
    await resetStore();
    await preparePage('woocommerce');
  });

  it('refreshes an expired nonce from a cart read and sends the add once more', async () => {
    await fault('woocommerce', 'expired-nonce');
    const events: string[] = [];
    const onAdded = () => events.push('wc-blocks_added_to_cart');
    document.body.addEventListener('wc-blocks_added_to_cart', onAdded);
    const res = await new CartFlow({ adapter: () => loadAdapter('woocommerce', configFor('woocommerce')) }).add('serum', line(PRODUCTS.serum));
    document.body.removeEventListener('wc-blocks_added_to_cart', onAdded);
    expect(res.ok, JSON.stringify(res)).to.equal(true);
    expect((await requestLog('woocommerce')).map((e) => `${e.method} ${e.path} ${e.status}`)).to.deep.equal([
      'GET /wp-json/wc/store/v1/cart 200', // the page render that printed the nonce
      'POST /wp-json/wc/store/v1/cart/add-item 403',
      'GET /wp-json/wc/store/v1/cart 200',
      'POST /wp-json/wc/store/v1/cart/add-item 201',
    ]);
    expect((await serverLines('woocommerce')).map((l) => l.quantity)).to.deep.equal([1]);
    expect(events).to.deep.equal(['wc-blocks_added_to_cart']);
  });

  it('converts prices from the shop minor unit (here 0 decimals) to ISO minor units', async () => {
    await resetStore({ wooMinorUnit: 0 });
    await preparePage('woocommerce');
    const flow = new CartFlow({ adapter: () => loadAdapter('woocommerce', configFor('woocommerce')) });
    const hydrated = await flow.hydrate([PRODUCTS.serum]);
    expect(hydrated.ok && hydrated.value[0]!.price).to.equal(3900);
    await flow.add('serum', line(PRODUCTS.serum, 2));
    expect(flow.cart!.total).to.equal(7800);
  });

  it('headless: two adds at the same moment on a fresh visit share one Cart-Token and one cart', async () => {
    await resetStore(); // a first visit: no session the store knows
    const flow = new CartFlow({ adapter: () => loadAdapter('woocommerce', { shop: location.origin }) });
    const [a, b] = await Promise.all([flow.add('serum', line(PRODUCTS.serum)), flow.add('hoops', line(PRODUCTS.hoops))]);
    expect([a.ok, b.ok]).to.deep.equal([true, true]);
    const carts = (await serverCarts('woocommerce')).filter((c) => c.lines.length);
    expect(carts.map((c) => c.lines.length)).to.deep.equal([2]);
  });

  it('headless: keeps the Cart-Token across page loads (after an add only) and the checkout link carries it', async () => {
    const key = `shoppable-video:wc-cart-token:${location.origin}`;
    const first = new CartFlow({ adapter: () => loadAdapter('woocommerce', { shop: location.origin }) });
    await first.refresh();
    expect(localStorage.getItem(key), 'nothing stored before the shopper adds').to.equal(null);
    expect((await first.add('serum', line(PRODUCTS.serum))).ok).to.equal(true);
    const token = localStorage.getItem(key);
    expect(token).to.match(/^eyJ/);
    // A reload: a new adapter continues the same cart.
    const reloaded = new CartFlow({ adapter: () => loadAdapter('woocommerce', { shop: location.origin, checkoutUrl: '/checkout/' }) });
    expect((await reloaded.add('hoops', line(PRODUCTS.hoops))).ok).to.equal(true);
    expect((await serverCarts('woocommerce')).filter((c) => c.lines.length).map((c) => c.lines.length)).to.deep.equal([2]);
    expect(new URL(reloaded.checkoutUrl!).searchParams.get('cart_token')).to.equal(localStorage.getItem(key));
    // persistCart: false keeps it for the page only.
    localStorage.clear();
    const noStore = new CartFlow({ adapter: () => loadAdapter('woocommerce', { shop: location.origin, persistCart: false }) });
    expect((await noStore.add('serum', line(PRODUCTS.serum))).ok).to.equal(true);
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('uses the Cart-Token, not the nonce, when headless', async () => {
    const flow = new CartFlow({ adapter: () => loadAdapter('woocommerce', { shop: location.origin }) });
    expect((await flow.add('serum', line(PRODUCTS.serum))).ok).to.equal(true);
    expect((await serverLines('woocommerce')).length).to.equal(1);
  });
});

describe('shopify-storefront contract', () => {
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify-storefront');
  });

  it('keeps the whole cart id (with ?key=) so the shopper keeps one cart, and checks out at checkoutUrl', async () => {
    const flow = new CartFlow({ adapter: () => loadAdapter('shopify-storefront', configFor('shopify-storefront')) });
    await flow.add('serum', line(PRODUCTS.serum));
    // A second player (or a reload) continues the same cart.
    const other = new CartFlow({ adapter: () => loadAdapter('shopify-storefront', configFor('shopify-storefront')) });
    await other.add('hoops', line(PRODUCTS.hoops));
    const carts = await serverCarts('shopify-storefront');
    expect(carts).to.have.length(1);
    expect(localStorage.getItem(`shoppable-video:cart:${location.origin}`)).to.match(/^gid:\/\/shopify\/Cart\/\w+\?key=\w+$/);
    expect(other.checkoutUrl).to.match(new RegExp(`^${location.origin}/cart/c/\\w+\\?key=\\w+$`));
    expect(other.cartCount).to.equal(2);
  });

  it('uses a supported API version by default, and replaces an expired stored cart exactly once', async () => {
    localStorage.setItem(`shoppable-video:cart:${location.origin}`, 'gid://shopify/Cart/gone?key=old');
    const flow = new CartFlow({ adapter: () => loadAdapter('shopify-storefront', configFor('shopify-storefront')) });
    expect((await flow.add('serum', line(PRODUCTS.serum))).ok).to.equal(true);
    const ops = (await requestLog('shopify-storefront')).map((e) => `${e.path} ${e.body.operationName}`);
    expect(ops).to.deep.equal(['/api/2026-10/graphql.json SvCartLinesAdd', '/api/2026-10/graphql.json SvCartCreate']);
    expect((await serverCarts('shopify-storefront')).length).to.equal(1);
  });

  it('answers AUTH_EXPIRED for a wrong token', async () => {
    const res = await new CartFlow({ adapter: () => loadAdapter('shopify-storefront', { shop: location.origin, storefrontToken: 'nope' }) }).add('s', line(PRODUCTS.serum));
    expect(res.ok ? 'ok' : res.error.code).to.equal('AUTH_EXPIRED');
  });
});

describe('link adapter', () => {
  beforeEach(() => resetStore());

  it('opens a Shopify cart permalink carrying the show id, which builds that cart on the store', async () => {
    const opened: string[] = [];
    const navigate = (url: string) => void opened.push(url);
    const flow = new CartFlow({ adapter: () => loadAdapter('link', { navigate }), showId: 'spring-edit-2025' });
    const res = await flow.add('serum', line(PRODUCTS.serum, 2), 'serum-shelf');
    expect(res).to.deep.equal({ ok: true, value: undefined });
    expect(opened).to.deep.equal([
      `${location.origin}/cart/44012345679040:2?attributes%5B_shoppable_show%5D=spring-edit-2025&attributes%5B_shoppable_cue%5D=serum-shelf`,
    ]);
    await fetch(opened[0]!); // what the browser would do
    const [cart] = await serverCarts('shopify');
    expect(cart!.attributes).to.deep.equal({ _shoppable_show: 'spring-edit-2025', _shoppable_cue: 'serum-shelf' });
    expect(cart!.lines.map((l) => [l.variantId, l.quantity])).to.deep.equal([['44012345679040', 2]]);
  });

  it('opens the product URL with referral parameters when there is no variant id', async () => {
    const opened: string[] = [];
    const flow = new CartFlow({ adapter: () => loadAdapter('link', { navigate: (u) => void opened.push(u) }), showId: 's1' });
    await flow.add('p', { product: { id: 'p', title: 'P', url: '/product/lipstick/?color=rose' }, quantity: 1 });
    expect(opened).to.deep.equal([`${location.origin}/product/lipstick/?color=rose&sv_show=s1`]);
  });
});

describe('events adapter', () => {
  it('dispatches a cancelable sv-add-to-cart and uses the page answer', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    let detail: AddToCartDetail | undefined;
    const onAdd = (e: Event) => {
      detail = (e as CustomEvent<AddToCartDetail>).detail;
      expect(e.cancelable && e.bubbles && e.composed).to.equal(true);
      detail.respondWith(Promise.resolve({ itemCount: 4, lines: [], total: 100, currency: 'EUR', checkoutUrl: '/kasse' }));
    };
    document.addEventListener('sv-add-to-cart', onAdd);
    const flow = new CartFlow({ adapter: () => loadAdapter('events', { eventTarget: host }), showId: 's1' });
    const res = await flow.add('serum', line(PRODUCTS.serum));
    expect(res.ok).to.equal(true);
    expect(detail!.lines[0]!.properties).to.deep.equal({ _shoppable_show: 's1' });
    expect([flow.cartCount, flow.checkoutUrl]).to.deep.equal([4, '/kasse']);

    // A rejection with a vocabulary code keeps its code and message.
    document.removeEventListener('sv-add-to-cart', onAdd);
    const reject = (e: Event) => (e as CustomEvent<AddToCartDetail>).detail.respondWith(Promise.reject({ code: 'OUT_OF_STOCK', message: 'Ausverkauft' }));
    host.addEventListener('sv-add-to-cart', reject);
    const sold = await flow.add('hoops', line(PRODUCTS.hoops));
    expect(sold.ok ? null : sold.error).to.include({ code: 'OUT_OF_STOCK', message: 'Ausverkauft' });
    host.removeEventListener('sv-add-to-cart', reject);

    // Nobody answers: UNSUPPORTED; a listener that only cancels declines the add.
    const none = await flow.add('x', line(PRODUCTS.serum));
    expect(none.ok ? null : none.error.code).to.equal('UNSUPPORTED');
    const decline = (e: Event) => e.preventDefault();
    host.addEventListener('sv-add-to-cart', decline);
    const declined = await flow.add('y', line(PRODUCTS.serum));
    expect(declined.ok ? null : declined.error.code).to.equal('NOT_PURCHASABLE');
    host.removeEventListener('sv-add-to-cart', decline);
    host.remove();
  });

  it('settles a pending page answer as ABORTED on dispose and aborts the detail signal', async () => {
    let signal: AbortSignal | undefined;
    const onAdd = (e: Event) => {
      signal = (e as CustomEvent<AddToCartDetail>).detail.signal;
      (e as CustomEvent<AddToCartDetail>).detail.respondWith(new Promise(() => {}));
    };
    document.addEventListener('sv-add-to-cart', onAdd);
    const flow = new CartFlow({ adapter: () => loadAdapter('events') });
    const pending = flow.add('k', line(PRODUCTS.serum));
    await until(() => signal, 'the page to receive sv-add-to-cart');
    flow.dispose();
    const res = await pending;
    document.removeEventListener('sv-add-to-cart', onAdd);
    expect(res.ok ? null : res.error.code).to.equal('ABORTED');
    expect(signal!.aborted).to.equal(true);
  });
});
