// The headless cart flow: one add per card in flight, per-card states, retry, teardown,
// and the adapter registry.
import { expect } from '@open-wc/testing';
import { CartFlow } from '../../src/commerce/cart-flow.js';
import { ADAPTER_NAMES, loadAdapter } from '../../src/commerce/registry.js';
import type { CheckoutAdapter } from '../../src/commerce/types.js';
import { PRODUCTS, configFor, fault, line, preparePage, requestLog, resetStore, serverLines } from './store.js';
import { failOnUncaught, until } from '../helpers.js';

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

describe('CartFlow never throws and never leaves a card busy', () => {
  failOnUncaught();
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
  });

  const cart = { itemCount: 0, lines: [], total: 0, currency: 'USD' };

  it('turns a throwing adapter (sync throw, rejection, odd answer) into results', async () => {
    const flow = new CartFlow({
      adapter: {
        name: 'broken',
        addLines: () => { throw new Error('boom'); },
        getCart: () => Promise.reject(new Error('no cart')),
        hydrate: async () => ({ ok: true, value: 'nope' as any }),
        checkoutUrl: () => { throw new Error('no url'); },
        openCart: () => { throw new Error('no drawer'); },
      },
    });
    const res = await flow.add('k', line(PRODUCTS.serum));
    expect(res.ok).to.equal(false);
    if (!res.ok) expect(res.error.message).to.equal('The broken checkout failed: boom');
    expect(flow.state('k').status).to.not.equal('busy');
    expect((await flow.refresh()).ok).to.equal(false);
    expect((await flow.hydrate([PRODUCTS.serum])).ok).to.equal(false);
    expect(flow.checkoutUrl).to.equal(undefined);
    await flow.openCart();
    // And a later add still runs (the queue is not wedged).
    expect((await flow.add('k2', line(PRODUCTS.serum))).ok).to.equal(false);
  });

  it('a throwing theme hook does not turn a good add into a failure', async () => {
    let notified = 0;
    const flow = new CartFlow({
      adapter: {
        name: 'theme',
        addLines: async () => ({ ok: true, value: { ...cart, itemCount: 1 } }),
        checkoutUrl: () => '/checkout',
        notifyCartChanged: () => { notified++; throw new Error('theme broke'); },
      },
    });
    const res = await flow.add('k', line(PRODUCTS.serum));
    expect(res.ok).to.equal(true);
    expect([flow.state('k').status, flow.cartCount, notified]).to.deep.equal(['success', 1, 1]);
  });

  it('a Dawn theme whose publish() and renderContents() throw: the add succeeds once', async () => {
    const w = window as any;
    const drawer = document.createElement('cart-notification') as any;
    drawer.getSectionsToRender = () => [{ id: 'cart-icon-bubble' }];
    drawer.renderContents = () => { throw new Error('renderContents broke'); };
    document.body.append(drawer);
    w.publish = () => { throw new Error('publish broke'); };
    try {
      const flow = new CartFlow({ adapter: () => loadAdapter('shopify', configFor('shopify')) });
      const res = await flow.add('serum', line(PRODUCTS.serum));
      expect(res.ok, JSON.stringify(res)).to.equal(true);
      expect(flow.state('serum').status).to.equal('success');
      expect((await serverLines('shopify')).map((l) => l.quantity)).to.deep.equal([1]);
    } finally {
      drawer.remove();
      delete w.publish;
    }
  });

  it('an unexpected 200 body from add.js still counts the add once', async () => {
    const flow = new CartFlow({ adapter: () => loadAdapter('shopify', configFor('shopify')) });
    await flow.refresh();
    await fault('shopify', 'bad-body');
    const res = await flow.add('serum', line(PRODUCTS.serum));
    expect(res.ok, JSON.stringify(res)).to.equal(true);
    expect(flow.cartCount).to.equal(1);
    expect((await serverLines('shopify')).map((l) => l.quantity)).to.deep.equal([1]);
  });

  it('Shopify: a 500 from cart.js after a good add is still a success, and Retry is never needed', async () => {
    const flow = new CartFlow({ adapter: () => loadAdapter('shopify', configFor('shopify')) });
    await fault('shopify', 'server-error', { on: 'read', times: 3 });
    const res = await flow.add('serum', line(PRODUCTS.serum));
    expect(res.ok, JSON.stringify(res)).to.equal(true);
    expect(flow.state('serum').status).to.equal('success');
    expect((await requestLog('shopify')).filter((e) => e.path === '/cart/add.js')).to.have.length(1);
    expect((await serverLines('shopify')).map((l) => l.quantity)).to.deep.equal([1]);
  });

  it('writes cue and show ids on the line only in a safe charset and length', async () => {
    const added: any[] = [];
    const flow = new CartFlow({
      adapter: { name: 'x', addLines: async (lines) => (added.push(...lines), { ok: true, value: undefined }), checkoutUrl: () => undefined },
      showId: '<img src=x onerror=alert(1)>' + 'x'.repeat(200),
    });
    await flow.add('k', line(PRODUCTS.serum), 'cue "1"\n<script>');
    const props = added[0].properties;
    expect(props._shoppable_cue).to.equal('cue--1---script-');
    expect(props._shoppable_show).to.match(/^[\w.:-]{64}$/);
  });
});

describe('CartFlow replaced while an add is in flight', () => {
  failOnUncaught();
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
  });

  it('retire() lets the add finish and report; the successor shows it and joins clicks', async () => {
    const old = new CartFlow({ adapter: () => loadAdapter('shopify', configFor('shopify')), showId: 'a' });
    await fault('shopify', 'slow', { delayMs: 400 });
    const pending = old.add('serum', line(PRODUCTS.serum));
    await until(async () => (await requestLog('shopify')).some((e) => e.path === '/cart/add.js'), 'the add to reach the store');
    old.retire();
    const next = new CartFlow({ adapter: () => loadAdapter('shopify', configFor('shopify')), showId: 'b', previous: old });
    expect(next.state('serum').status).to.equal('busy');
    expect(next.add('serum', line(PRODUCTS.serum))).to.equal(next.add('serum', line(PRODUCTS.serum)));
    expect((await old.add('hoops', line(PRODUCTS.hoops))).ok, 'a retiring flow takes no new adds').to.equal(false);
    const res = await pending;
    expect(res.ok, JSON.stringify(res)).to.equal(true);
    await until(() => next.state('serum').status === 'success', 'the successor to show the outcome');
    expect(next.cartCount).to.equal(1);
    expect((await serverLines('shopify')).map((l) => l.quantity)).to.deep.equal([1]);
  });
});
