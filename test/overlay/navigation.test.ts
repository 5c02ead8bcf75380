// Navigation policy: a third-party show cannot send shoppers off-site through product links.
import { expect } from '@open-wc/testing';
import type { Show } from '../../src/timeline/types.js';
import { failOnUncaught, shadow } from '../helpers.js';
import { mount, piece } from './harness.js';

const show = (url: string): Show => ({
  version: '1.0',
  id: 'nav',
  currency: 'USD',
  products: [{ id: 'tee', title: 'Tee', price: 1500, url }],
  cues: [{ id: 'tee-1', productId: 'tee', start: 0, end: 30 }],
});

async function openCard(url: string, allowed?: string) {
  const m = await mount({ show: show(url) });
  if (allowed !== undefined) m.player.setAttribute('allowed-origins', allowed);
  await m.at(1, 'tee-1');
  shadow<HTMLButtonElement>(m.overlay, '.teaser').click();
  await m.overlay.updateComplete;
  return m;
}

describe('product links and allowed-origins', () => {
  failOnUncaught();

  it('links a product on the page’s own origin', async () => {
    const { overlay } = await openCard('/products/tee');
    expect(piece(overlay, 'card-title').querySelector('a')?.href).to.equal(new URL('/products/tee', location.href).href);
    expect(piece<HTMLAnchorElement>(overlay, 'buy-button').href).to.equal(new URL('/products/tee', location.href).href);
  });

  it('does not link a product on a foreign or protocol-relative origin', async () => {
    for (const url of ['https://elsewhere.example/p/tee', '//elsewhere.example/p/tee']) {
      const { overlay } = await openCard(url);
      expect(piece(overlay, 'card-title').querySelector('a'), url).to.equal(null);
      expect(overlay.shadowRoot!.querySelector('a[part~="buy-button"]'), url).to.equal(null);
    }
  });

  it('links a foreign origin the merchant lists in allowed-origins', async () => {
    const { overlay } = await openCard('https://shop.example/p/tee', 'https://cdn.example, https://shop.example');
    expect(piece(overlay, 'card-title').querySelector('a')?.href).to.equal('https://shop.example/p/tee');
  });
});
