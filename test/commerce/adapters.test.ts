// Every built-in store adapter against the local storefront, through the cart flow:
// the server's cart is the truth each test asserts on.
import { expect } from '@open-wc/testing';
import { CartFlow } from '../../src/commerce/cart-flow.js';
import { loadAdapter } from '../../src/commerce/registry.js';
import type { CommerceErrorCode } from '../../src/commerce/types.js';
import { PRODUCTS, SERUM_ID, configFor, fault, line, preparePage, requestLog, resetStore, serverCarts, serverLines, units, type ServerLine, type Store } from './store.js';
import { until } from '../helpers.js';

const STORES: Store[] = ['shopify', 'shopify-storefront', 'woocommerce', 'bigcommerce'];

/** The store's own words for each refusal. */
const MESSAGES: Record<Store, Record<string, RegExp>> = {
  shopify: { 'sold-out': /^The product 'Hydrating Rose Serum, 30 ml' is already sold out\.$/, 'quantity-limit': /^You can only add 1 of/, 'rate-limit': /Too many requests/ },
  'shopify-storefront': { 'sold-out': /is already sold out/, 'quantity-limit': /^Only 1 items were added/, 'rate-limit': /^Throttled$/ },
  woocommerce: { 'sold-out': /^You cannot add "Hydrating Rose Serum, 30 ml" to the cart because the product is out of stock\.$/, 'quantity-limit': /we have 1 in stock/, 'rate-limit': /Too many requests/ },
  bigcommerce: { 'sold-out': /^'Hydrating Rose Serum, 30 ml' is out of stock\.$/, 'quantity-limit': /^Only 1 of/, 'rate-limit': /^Too many requests\.$/ },
};

async function flowFor(store: Store, showId = 'spring-edit-2025') {
  await preparePage(store);
  return new CartFlow({ adapter: () => loadAdapter(store, configFor(store)), showId });
}

/** A cart write (not a read, not hydration) in the request log. */
const isAdd = (e: { method: string; path: string; body: unknown }) =>
  e.method !== 'GET' && !e.path.includes('/products/') && !/"operationName":"Sv(Cart|Hydrate)"/.test(JSON.stringify(e.body)) && e.path !== '/graphql';

for (const store of STORES) {
  const serumUnits = (lines: ServerLine[]) => units(lines.filter((l) => l.variantId === SERUM_ID[store]));
  describe(`${store} adapter`, () => {
    beforeEach(() => resetStore());

    it('adds the line to the store cart, once, with the attribution where the store carries it', async () => {
      const flow = await flowFor(store);
      const result = await flow.add('serum-cue', line(PRODUCTS.serum, 2), 'serum-shelf');
      expect(result.ok, JSON.stringify(result)).to.equal(true);
      const lines = await serverLines(store);
      expect(lines.map((l) => [l.variantId, l.quantity])).to.deep.equal([[SERUM_ID[store], 2]]);
      if (store === 'shopify' || store === 'shopify-storefront') {
        expect(lines[0]!.properties).to.deep.equal({ _shoppable_show: 'spring-edit-2025', _shoppable_cue: 'serum-shelf' });
      }
      expect(flow.cartCount).to.equal(2);
      expect(flow.cart!.total).to.equal(7800);
      expect(flow.state('serum-cue').status).to.equal('success');
      expect(flow.checkoutUrl).to.be.a('string');
      // A second add of the same product merges into the same line.
      await flow.add('serum-cue', line(PRODUCTS.serum, 1), 'serum-shelf');
      expect(units(await serverLines(store))).to.equal(3);
      expect(flow.cartCount).to.equal(3);
    });

    it('hydrates the store price and stock', async () => {
      const flow = await flowFor(store);
      const res = await flow.hydrate([PRODUCTS.serum, PRODUCTS.sneaker, PRODUCTS.overshirt, { id: 'unknown', title: 'Not in this store' }]);
      expect(res.ok, JSON.stringify(res)).to.equal(true);
      if (!res.ok) return;
      const [serum, sneaker, overshirt, unknown] = res.value;
      expect(serum).to.include({ price: 3900, available: true });
      expect(sneaker).to.include({ price: 7500, available: false });
      expect(overshirt!.price).to.equal(6800);
      expect(overshirt!.variants!.map((v) => [v.id, v.available])).to.deep.equal([['m-sand', true], ['l-sand', true], ['l-olive', false]]);
      expect(unknown).to.deep.equal({ id: 'unknown', title: 'Not in this store' });
    });

    it('reports a sold-out variant from the catalog and leaves the cart empty', async () => {
      const flow = await flowFor(store);
      const res = await flow.add('l-olive', line(PRODUCTS.overshirt, 1, 2));
      expect(res.ok).to.equal(false);
      if (!res.ok) expect(res.error.code).to.equal('OUT_OF_STOCK');
      expect(await serverLines(store)).to.deep.equal([]);
    });

    const cases: [string, CommerceErrorCode, number][] = [
      ['sold-out', 'OUT_OF_STOCK', 1],
      ['quantity-limit', 'QUANTITY_LIMIT', 2],
      ['rate-limit', 'RATE_LIMITED', 1],
    ];
    for (const [name, code, quantity] of cases) {
      it(`maps the ${name} fault to ${code} with the store's message and a correct cart`, async () => {
        const flow = await flowFor(store);
        expect((await flow.refresh()).ok).to.equal(true); // the cart before the add, as on mount
        await fault(store, name);
        const res = await flow.add('serum', line(PRODUCTS.serum, quantity));
        expect(res.ok).to.equal(false);
        if (res.ok) return;
        expect(res.error.code).to.equal(code);
        expect(res.error.message).to.match(MESSAGES[store][name]!);
        expect(flow.state('serum')).to.deep.equal({ status: 'error', error: res.error, missing: quantity - (store === 'shopify-storefront' && name === 'quantity-limit' ? 1 : 0) });
        // The Storefront API applies what it can and warns; the others refuse the whole add.
        const expected = store === 'shopify-storefront' && name === 'quantity-limit' ? 1 : 0;
        expect(units(await serverLines(store))).to.equal(expected);
        if (expected) expect(flow.cartCount).to.equal(expected);
        // Retry succeeds once the fault is gone, and adds only what is missing: the cart holds
        // exactly the quantity asked for.
        const again = await flow.retry('serum');
        expect(again.ok, JSON.stringify(again)).to.equal(true);
        expect(units(await serverLines(store))).to.equal(quantity);
      });
    }

    it('maps a 500 with an HTML body to UNKNOWN with a readable message, and does not resend the add', async () => {
      const flow = await flowFor(store);
      await fault(store, 'server-error');
      const res = await flow.add('serum', line(PRODUCTS.serum));
      expect(res.ok).to.equal(false);
      if (res.ok) return;
      expect(res.error).to.include({ code: 'UNKNOWN', status: 500, retryable: true });
      expect(res.error.message).to.equal('The store answered HTTP 500: Internal Server Error Something went wrong.');
      expect((await requestLog(store)).filter((e) => e.status === 500)).to.have.length(1);
      expect(await serverLines(store)).to.deep.equal([]);
    });

    // WooCommerce's add-item has no key or version to go stale: no conflict to test there.
    if (store !== 'woocommerce') it('re-reads the cart after a conflict and sends the add once more', async () => {
      const flow = await flowFor(store);
      await fault(store, 'conflict');
      const res = await flow.add('serum', line(PRODUCTS.serum));
      expect(res.ok, JSON.stringify(res)).to.equal(true);
      expect(units(await serverLines(store))).to.equal(1);
    });

    it('counts a timed-out add that the store committed once, after re-reading, and never resends it', async () => {
      const flow = await flowFor(store);
      expect((await flow.add('first', line(PRODUCTS.hoops))).ok).to.equal(true); // the shopper's cart exists
      await fault(store, 'timeout');
      const res = await flow.add('serum', line(PRODUCTS.serum));
      expect(res.ok, JSON.stringify(res)).to.equal(true);
      expect(flow.state('serum').status).to.equal('success');
      expect(serumUnits(await serverLines(store))).to.equal(1);
      expect((await requestLog(store)).filter(isAdd)).to.have.length(2);
    });

    it('after a timeout, waits for a slow store before re-reading, and Retry adds only what is missing', async () => {
      const flow = await flowFor(store);
      expect((await flow.add('first', line(PRODUCTS.hoops))).ok).to.equal(true); // the shopper's cart exists
      // The client gives up at 1.5 s; the store commits at 2 s, before the re-read (1 s later).
      await fault(store, 'slow', { delayMs: 2000 });
      const res = await flow.add('serum', line(PRODUCTS.serum, 2));
      expect(res.ok, JSON.stringify(res)).to.equal(true);
      expect(serumUnits(await serverLines(store))).to.equal(2);
      // A store that never applied it: TIMEOUT, Retry offered, and the retry sends the 3 units once.
      await fault(store, 'timeout', { commit: false });
      const lost = await flow.add('serum', line(PRODUCTS.serum, 3));
      expect(lost.ok).to.equal(false);
      expect(flow.state('serum')).to.deep.include({ status: 'error', missing: 3 });
      expect(flow.state('serum').error!.retryable).to.equal(true);
      expect((await flow.retry('serum')).ok).to.equal(true);
      expect(serumUnits(await serverLines(store))).to.equal(5);
      expect((await requestLog(store)).filter(isAdd)).to.have.length(4);
    });

    it('without a cart from before, a timed-out add is uncertain: no Retry, nothing resent', async () => {
      const flow = await flowFor(store);
      await fault(store, 'timeout');
      const res = await flow.add('serum', line(PRODUCTS.serum));
      expect(res.ok).to.equal(false);
      expect(flow.state('serum').status).to.equal('uncertain');
      expect(flow.state('serum').error!.retryable).to.equal(false);
      const again = await flow.retry('serum');
      expect(again.ok).to.equal(false);
      expect(units(await serverLines(store))).to.equal(1);
    });

    it('adds two different products clicked at the same moment on a fresh session: one cart, both lines', async () => {
      const flow = await flowFor(store);
      const [a, b] = await Promise.all([flow.add('serum', line(PRODUCTS.serum)), flow.add('lipstick', line(PRODUCTS.hoops))]);
      expect([a.ok, b.ok], JSON.stringify([a, b])).to.deep.equal([true, true]);
      const carts = await serverCarts(store);
      expect(carts.filter((c) => c.lines.length)).to.have.length(1);
      expect(carts.flatMap((c) => c.lines).map((l) => l.quantity)).to.deep.equal([1, 1]);
      expect(flow.cartCount).to.equal(2);
    });

    it('with a cart already there, two adds at the same moment both land (no lost update)', async () => {
      const flow = await flowFor(store);
      expect((await flow.add('first', line(PRODUCTS.overshirt))).ok).to.equal(true);
      const [a, b] = await Promise.all([flow.add('serum', line(PRODUCTS.serum)), flow.add('hoops', line(PRODUCTS.hoops))]);
      expect([a.ok, b.ok], JSON.stringify([a, b])).to.deep.equal([true, true]);
      expect((await serverCarts(store)).map((c) => c.lines.length)).to.deep.equal([3]);
      expect(flow.cartCount).to.equal(3);
    });

    it('two players on one page adding at the same moment share one cart', async () => {
      await preparePage(store);
      const one = new CartFlow({ adapter: () => loadAdapter(store, configFor(store)) });
      const two = new CartFlow({ adapter: () => loadAdapter(store, configFor(store)) });
      const [a, b] = await Promise.all([one.add('serum', line(PRODUCTS.serum)), two.add('hoops', line(PRODUCTS.hoops))]);
      expect([a.ok, b.ok], JSON.stringify([a, b])).to.deep.equal([true, true]);
      const carts = (await serverCarts(store)).filter((c) => c.lines.length);
      expect(carts.map((c) => c.lines.length)).to.deep.equal([2]);
    });

    it('counts an add whose answer was cut off once, by re-reading the cart', async () => {
      const flow = await flowFor(store);
      expect((await flow.add('serum', line(PRODUCTS.serum))).ok).to.equal(true); // the shopper's cart exists
      await fault(store, 'drop');
      const res = await flow.add('serum', line(PRODUCTS.serum));
      expect(res.ok, JSON.stringify(res)).to.equal(true);
      expect(units(await serverLines(store))).to.equal(2);
      expect(flow.cartCount).to.equal(2);
    });

    it('without a known cart before the add, reports NETWORK for a cut-off answer and never resends the add', async () => {
      expect((await (await flowFor(store)).add('serum', line(PRODUCTS.serum))).ok).to.equal(true);
      const fresh = new CartFlow({ adapter: () => loadAdapter(store, configFor(store)) }); // e.g. a second player on the page
      await fault(store, 'drop');
      const res = await fresh.add('serum', line(PRODUCTS.serum));
      expect(res.ok).to.equal(false);
      if (!res.ok) expect(res.error.code).to.equal('NETWORK');
      expect(units(await serverLines(store))).to.equal(2);
      expect(fresh.cartCount).to.equal(2);
    });

    it('aborts the request in flight on dispose: the promise settles as aborted, nothing more is sent', async () => {
      const flow = await flowFor(store);
      await fault(store, 'slow', { delayMs: 700 });
      const pending = flow.add('serum', line(PRODUCTS.serum));
      await until(async () => (await requestLog(store)).some(isAdd), 'the add to reach the store');
      flow.dispose();
      const res = await pending;
      expect(res.ok).to.equal(false);
      if (!res.ok) expect(res.error.code).to.equal('ABORTED');
      // Real stores do not roll back on disconnect: the abandoned add is still committed, once.
      await until(async () => (await serverLines(store)).length === 1, 'the store to commit the abandoned add');
      const adds = (await requestLog(store)).filter(isAdd);
      expect(adds.map((e) => e.aborted)).to.deep.equal([true]);
      expect(flow.state('serum').status).to.equal('busy'); // late results are ignored
    });
  });
}
