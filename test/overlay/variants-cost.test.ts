// The card's variant checks run on every render: they must not rescan every variant for every
// option value each time (a 2,000-size product made each render O(values × variants)).
import { expect } from '@open-wc/testing';
import { choose, isValueEnabled, resolve } from '../../src/overlay/variants.js';
import type { Product, Variant } from '../../src/timeline/types.js';

/** A product whose variants array counts the variants read from it. */
function counted(n: number): { product: Product; reads: () => number } {
  const sizes = Array.from({ length: n }, (_, i) => `s${i}`);
  const list: Variant[] = sizes.map((s, i) => ({ id: `v${i}`, options: [s, 'Red'], available: i % 3 !== 0 }));
  let reads = 0;
  const variants = new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  const product: Product = { id: 'p', title: 'T', options: [{ name: 'Size', values: sizes }, { name: 'Color', values: ['Red'] }], variants };
  return { product, reads: () => reads };
}

const render = (product: Product, selection: readonly (string | undefined)[]) =>
  product.options!.map((o, axis) => o.values.filter((v) => isValueEnabled(product, selection, axis, v)).length);

describe('variant checks cost', () => {
  it('a render reads each variant a bounded number of times, and a re-render reads none', () => {
    const n = 500;
    const { product, reads } = counted(n);
    const selection = ['s1', 'Red'];
    const first = render(product, selection);
    expect(first, "sizes enabled (one in three sold out), colors enabled").to.deep.equal([333, 1]);
    expect(reads(), 'variant reads in the first render').to.be.at.most(4 * n);
    const before = reads();
    render(product, selection);
    expect(resolve(product, selection).variant!.id).to.equal('v1');
    expect(reads() - before, 'variant reads when re-rendering the same selection').to.equal(0);
  });

  it('answers stay right across selections (choose re-picks later axes)', () => {
    const { product } = counted(10);
    expect(isValueEnabled(product, [], 0, 's0')).to.equal(false);
    expect(isValueEnabled(product, [], 0, 's1')).to.equal(true);
    expect(isValueEnabled(product, ['s0'], 1, 'Red')).to.equal(false);
    expect(choose(product, ['s1', 'Red'], 0, 's0')).to.deep.equal(['s0', 'Red']);
    expect(resolve(product, ['s0', 'Red'])).to.deep.include({ buyable: false, exists: true });
    expect(resolve(product, ['s0', undefined])).to.deep.include({ exists: false });
  });
});
