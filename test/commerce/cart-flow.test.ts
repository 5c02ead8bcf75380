// The headless cart flow: one add per card in flight, per-card states, retry, teardown,
// and the adapter registry.
import { expect } from '@open-wc/testing';
import { CartFlow } from '../../src/commerce/cart-flow.js';
import { ADAPTER_NAMES, loadAdapter } from '../../src/commerce/registry.js';
import type { CheckoutAdapter } from '../../src/commerce/types.js';
import { PRODUCTS, configFor, fault, line, preparePage, requestLog, resetStore, serverLines } from './store.js';

describe('CartFlow', () => {
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
  });

  it('adds exactly once for ten rapid add() calls on one card, and they all share the result', async () => {
    await fault('shopify', 'slow', { delayMs: 300 });
    const flow = new CartFlow({ adapter: () => loadAdapter('shopify', configFor('shopify')) });
    const seen: string[] = [];
    flow.subscribe((key) => key && seen.push(`${key}:${flow.state(key).status}`));
    const calls = [];
    for (let i = 0; i < 10; i++) {
      calls.push(flow.add('serum', line(PRODUCTS.serum)));
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(new Set(calls).size).to.equal(1);
    const results = await Promise.all(calls);
    expect(results.every((r) => r.ok)).to.equal(true);
    expect((await requestLog('shopify')).filter((e) => e.path === '/cart/add.js')).to.have.length(1);
    expect((await serverLines('shopify')).map((l) => l.quantity)).to.deep.equal([1]);
    expect(seen).to.deep.equal(['serum:busy', 'serum:success']);
  });

  it('keeps other cards working while one fails, and retries the failed one', async () => {
    const flow = new CartFlow({ adapter: () => loadAdapter('shopify', configFor('shopify')) });
    await fault('shopify', 'sold-out');
    const [a, b] = await Promise.all([flow.add('serum', line(PRODUCTS.serum)), flow.add('hoops', line(PRODUCTS.hoops))]);
    expect([a.ok, b.ok].sort()).to.deep.equal([false, true]);
    const failed = a.ok ? 'hoops' : 'serum';
    expect(flow.state(failed).status).to.equal('error');
    expect(flow.state(failed).error!.code).to.equal('OUT_OF_STOCK');
    expect(flow.state(failed === 'serum' ? 'hoops' : 'serum').status).to.equal('success');
    expect((await flow.retry(failed)).ok).to.equal(true);
    expect(flow.state(failed).status).to.equal('success');
    expect((await serverLines('shopify')).map((l) => l.quantity)).to.deep.equal([1, 1]);
    expect(flow.cartCount).to.equal(2);
  });

  it('loads the adapter lazily, on first use', async () => {
    let loads = 0;
    const flow = new CartFlow({ adapter: () => (loads++, loadAdapter('shopify', configFor('shopify'))) });
    expect(loads).to.equal(0);
    expect(flow.checkoutUrl).to.equal(undefined);
    await flow.refresh();
    await flow.refresh();
    expect(loads).to.equal(1);
    expect(flow.checkoutUrl).to.equal('/checkout');
  });

  it('takes a custom adapter object written in a few lines', async () => {
    const added: unknown[] = [];
    const custom: CheckoutAdapter = {
      name: 'custom',
      async addLines(lines) {
        added.push(...lines);
        return { ok: true, value: { itemCount: lines.length, lines: [], total: 0, currency: 'EUR' } };
      },
      checkoutUrl: () => '/my-checkout',
    };
    const flow = new CartFlow({ adapter: custom, showId: 'show-1' });
    expect((await flow.add('k', line(PRODUCTS.serum), 'cue-1')).ok).to.equal(true);
    expect(added).to.deep.equal([{ ...line(PRODUCTS.serum), properties: { _shoppable_show: 'show-1', _shoppable_cue: 'cue-1' } }]);
    expect([flow.cartCount, flow.checkoutUrl]).to.deep.equal([1, '/my-checkout']);
  });

  it('settles adds after dispose as ABORTED without touching the adapter', async () => {
    let calls = 0;
    const flow = new CartFlow({ adapter: { name: 'x', addLines: async () => (calls++, { ok: true, value: undefined }), checkoutUrl: () => undefined } });
    flow.dispose();
    const res = await flow.add('k', line(PRODUCTS.serum));
    expect(res.ok ? 'ok' : res.error.code).to.equal('ABORTED');
    expect(calls).to.equal(0);
  });
});

describe('loadAdapter', () => {
  it('answers UNSUPPORTED listing the valid names for an unknown checkout', async () => {
    const res = await loadAdapter('magento');
    expect(res.ok).to.equal(false);
    if (!res.ok) {
      expect(res.error.code).to.equal('UNSUPPORTED');
      expect(res.error.message).to.equal('Unknown checkout "magento". Use one of: shopify, shopify-storefront, woocommerce, bigcommerce, link, events, or set the adapter property.');
    }
    expect((await loadAdapter('toString')).ok).to.equal(false);
  });

  it('builds every built-in adapter under its own name', async () => {
    for (const name of ADAPTER_NAMES) {
      const res = await loadAdapter(name);
      expect(res.ok && res.value.name).to.equal(name);
    }
  });
});
