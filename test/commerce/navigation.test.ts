// The navigation policy (allowed origins) and store-provided values that must never throw.
import { expect } from '@open-wc/testing';
import { isAllowedUrl, originOf } from '../../src/commerce/navigation.js';
import { CartFlow } from '../../src/commerce/cart-flow.js';
import { loadAdapter } from '../../src/commerce/registry.js';
import { formatPrice } from '../../src/overlay/format.js';
import { PRODUCTS, line } from './store.js';

const PAGE = 'https://shop.example';

describe('isAllowedUrl', () => {
  const cases: [string, string[], boolean][] = [
    ['/products/serum', [], true],
    ['products/serum?x=1', [], true],
    ['https://shop.example/checkout', [], true],
    ['//evil.example/products/serum', [], false],
    ['https://evil.example/', [], false],
    ['https://shop.example.evil.example/', [], false],
    ['javascript:alert(1)', [], false],
    [' JAVASCRIPT:alert(1)', [], false],
    ['data:text/html,<script>alert(1)</script>', [], false],
    ['https://brand.example/p', ['brand.example'], true],
    ['https://brand.example/p', ['https://brand.example'], true],
    ['http://brand.example/p', ['https://brand.example'], false],
    ['https://cdn.brand.example/p', ['brand.example'], false],
    ['', [], false],
  ];
  for (const [url, allowed, want] of cases) {
    it(`${want ? 'allows' : 'refuses'} ${JSON.stringify(url)} with ${JSON.stringify(allowed)}`, () => {
      expect(isAllowedUrl(url, allowed, PAGE)).to.equal(want);
    });
  }
  it('normalises listed origins', () => {
    expect([originOf('brand.example'), originOf('https://brand.example/x'), originOf('//brand.example'), originOf('ftp://x')])
      .to.deep.equal(['https://brand.example', 'https://brand.example', 'https://brand.example', undefined]);
  });
});

describe('navigation through the adapters', () => {
  it('the link adapter never sends the shopper to a foreign or protocol-relative product URL', async () => {
    const opened: string[] = [];
    const flow = new CartFlow({ adapter: () => loadAdapter('link', { navigate: (u) => void opened.push(u) }) });
    for (const url of ['//evil.example/p', 'https://evil.example/p', 'javascript:alert(1)']) {
      const res = await flow.add(url, { product: { id: 'p', title: 'P', url }, quantity: 1 });
      expect(res.ok ? 'ok' : res.error.code, url).to.equal('NOT_PURCHASABLE');
    }
    expect(opened).to.deep.equal([]);
    const allowed = new CartFlow({ adapter: () => loadAdapter('link', { navigate: (u) => void opened.push(u), allowedOrigins: ['https://brand.example'] }) });
    expect((await allowed.add('b', { product: { id: 'b', title: 'B', url: 'https://brand.example/p' }, quantity: 1 })).ok).to.equal(true);
    expect(opened).to.deep.equal(['https://brand.example/p']);
  });

  it('a checkout URL from the store that is not http(s) or not allowed is never offered', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const answer = (checkoutUrl: string) => (e: Event) =>
      (e as CustomEvent).detail.respondWith({ itemCount: 1, lines: [], total: 1, currency: 'USD', checkoutUrl });
    for (const [url, want] of [['javascript:alert(1)', undefined], ['https://evil.example/pay', undefined], ['/checkout', '/checkout']] as const) {
      const on = answer(url);
      host.addEventListener('sv-add-to-cart', on);
      const flow = new CartFlow({ adapter: () => loadAdapter('events', { eventTarget: host }) });
      expect((await flow.add('k', line(PRODUCTS.serum))).ok).to.equal(true);
      expect(flow.checkoutUrl, url).to.equal(want);
      host.removeEventListener('sv-add-to-cart', on);
    }
    host.remove();
  });
});

describe('formatPrice with store-provided values', () => {
  it('never throws on a bad currency or amount', () => {
    expect(formatPrice(1999, 'US D', 'en-US')).to.equal('19.99 USD');
    expect(formatPrice(1999, '', 'en-US')).to.equal('19.99');
    expect(formatPrice(Number.NaN, 'USD', 'en-US')).to.equal('');
    expect(formatPrice(1999, 'USD', 'not a locale!')).to.equal('$19.99');
    expect(formatPrice(100000 / 100, 'JPY', 'en-US')).to.equal('¥1,000');
  });
});
