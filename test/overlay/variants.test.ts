// Variant choice (DOM-free) and price formatting.
import { expect } from '@open-wc/testing';
import { formatPrice } from '../../src/overlay/format.js';
import { choose, initialSelection, isValueEnabled, maxQuantity, priceOf, resolve } from '../../src/overlay/variants.js';
import type { Product } from '../../src/timeline/types.js';

const v = (id: string, options: string[], extra = {}) => ({ id, options, ...extra });
/** Size × Color × Fit, three axes; S/Olive missing, L/Olive sold out, M/Sand/Tall sold out. */
const shirt: Product = {
  id: 'shirt',
  title: 'Shirt',
  price: 6800,
  compareAtPrice: 8500,
  options: [
    { name: 'Size', values: ['S', 'M', 'L'] },
    { name: 'Color', values: ['Sand', 'Olive'] },
    { name: 'Fit', values: ['Regular', 'Tall'] },
  ],
  variants: [
    v('s-sand-r', ['S', 'Sand', 'Regular'], { available: false }),
    v('s-sand-t', ['S', 'Sand', 'Tall'], { inventory: 2 }),
    v('m-sand-r', ['M', 'Sand', 'Regular'], { price: 7200 }),
    v('m-sand-t', ['M', 'Sand', 'Tall'], { available: false }),
    v('m-olive-r', ['M', 'Olive', 'Regular']),
    v('l-olive-r', ['L', 'Olive', 'Regular'], { available: false }),
    v('l-olive-t', ['L', 'Olive', 'Tall'], { available: false }),
  ],
};

describe('variants', () => {
  it('starts on the first available variant', () => {
    expect(initialSelection(shirt)).to.deep.equal(['S', 'Sand', 'Tall']);
    expect(initialSelection({ id: 'x', title: 'X' })).to.deep.equal([]);
  });

  it('disables values with no available variant, given the earlier axes', () => {
    expect(['S', 'M', 'L'].map((s) => isValueEnabled(shirt, [], 0, s))).to.deep.equal([true, true, false]);
    expect(['Sand', 'Olive'].map((c) => isValueEnabled(shirt, ['S'], 1, c))).to.deep.equal([true, false]);
    expect(['Sand', 'Olive'].map((c) => isValueEnabled(shirt, ['M'], 1, c))).to.deep.equal([true, true]);
    expect(['Regular', 'Tall'].map((f) => isValueEnabled(shirt, ['M', 'Sand'], 2, f))).to.deep.equal([true, false]);
    expect(['Regular', 'Tall'].map((f) => isValueEnabled(shirt, ['S', 'Sand'], 2, f))).to.deep.equal([false, true]);
  });

  it('re-picks later axes when an earlier choice makes them unavailable, and keeps them when it does not', () => {
    expect(choose(shirt, ['S', 'Sand', 'Tall'], 0, 'M')).to.deep.equal(['M', 'Sand', 'Regular']);
    expect(choose(shirt, ['M', 'Sand', 'Regular'], 1, 'Olive')).to.deep.equal(['M', 'Olive', 'Regular']);
    expect(choose(shirt, ['M', 'Olive', 'Regular'], 0, 'S')).to.deep.equal(['S', 'Sand', 'Tall']);
  });

  it('resolves a selection to a buyable variant, a sold-out one, or a combination that does not exist', () => {
    expect(resolve(shirt, ['M', 'Sand', 'Regular'])).to.deep.include({ buyable: true, exists: true });
    expect(resolve(shirt, ['L', 'Olive', 'Tall'])).to.deep.include({ buyable: false, exists: true });
    expect(resolve(shirt, ['S', 'Olive', 'Regular'])).to.deep.equal({ variant: undefined, buyable: false, exists: false });
    expect(resolve({ id: 'x', title: 'X', available: false }, [])).to.deep.include({ buyable: false, exists: true });
    expect(resolve({ id: 'x', title: 'X' }, []).buyable).to.equal(true);
  });

  it('takes price and compare-at from the variant over the product, and stock as the quantity limit', () => {
    const m = resolve(shirt, ['M', 'Sand', 'Regular']).variant;
    expect(priceOf(shirt, m)).to.deep.equal({ price: 7200, compareAt: 8500 });
    expect(priceOf({ id: 'x', title: 'X', price: 900, compareAtPrice: 900 })).to.deep.equal({ price: 900, compareAt: undefined });
    expect(maxQuantity(resolve(shirt, ['S', 'Sand', 'Tall']).variant)).to.equal(2);
    expect(maxQuantity(m)).to.equal(99);
  });
});

describe('prices', () => {
  it('formats minor units in the currency and locale: USD en-US, EUR de-DE, JPY ja-JP (no decimals), KWD (three)', () => {
    expect(formatPrice(6800, 'USD', 'en-US')).to.equal('$68.00');
    expect(formatPrice(4990, 'EUR', 'de-DE')).to.equal('49,90\u00a0€');
    expect(formatPrice(1200, 'JPY', 'ja-JP')).to.equal('￥1,200');
    expect(formatPrice(1200, 'JPY', 'en-US')).to.equal('¥1,200');
    expect(formatPrice(12345, 'KWD', 'en-US')).to.equal('KWD\u00a012.345');
  });

  it('falls back to English for a malformed locale instead of throwing', () => {
    expect(formatPrice(500, 'USD', 'not a locale!')).to.equal('$5.00');
  });
});
