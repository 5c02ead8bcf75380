/**
 * Variant choice, DOM-free. A selection is one value per option axis of the product (in the
 * product's option order), `undefined` for an axis not chosen yet. Choices cascade: a value
 * of axis i is enabled when some available variant matches the values chosen on the axes
 * before it, so every reachable full selection can be bought, and changing an earlier axis
 * re-picks the later ones.
 */
import type { Product, Variant } from '../timeline/types.js';

export type Selection = readonly (string | undefined)[];

const axes = (p: Product) => p.options?.length ?? 0;

/** Whether this variant (or, without variants, the product) can be bought. */
export function isAvailable(product: Product, variant?: Variant): boolean {
  return product.available !== false && variant?.available !== false;
}

/**
 * What the checks below need, computed once per product object (products are replaced, never
 * mutated, when live data arrives): the variants by their full selection, and the enabled
 * values of an axis per selection of the axes before it, filled as renders ask. A render then
 * costs O(values), not O(values × variants).
 */
interface VariantIndex {
  byValues: Map<string, Variant>;
  enabled: Map<string, ReadonlySet<string | undefined>>;
}
const indexes = new WeakMap<Product, VariantIndex>();
/** Distinct partial selections remembered per product before the memo starts over. */
const MAX_MEMO = 256;

const keyOf = (selection: Selection, n: number): string => JSON.stringify(Array.from({ length: n }, (_, i) => selection[i] ?? null));

function indexOf(product: Product): VariantIndex {
  let index = indexes.get(product);
  if (!index) {
    const n = axes(product);
    const byValues = new Map<string, Variant>();
    for (const v of product.variants ?? []) {
      const key = v.options.length === n && keyOf(v.options, n);
      if (key && !byValues.has(key)) byValues.set(key, v); // the first listed wins
    }
    index = { byValues, enabled: new Map() };
    indexes.set(product, index);
  }
  return index;
}

/** The variant whose values equal the full selection, if any. */
export function findVariant(product: Product, selection: Selection): Variant | undefined {
  const n = axes(product);
  for (let i = 0; i < n; i++) if (selection[i] === undefined) return undefined;
  return indexOf(product).byValues.get(keyOf(selection, n));
}

const matches = (v: Variant, selection: Selection, upTo: number) => {
  for (let i = 0; i < upTo; i++) if (selection[i] !== undefined && v.options[i] !== selection[i]) return false;
  return true;
};

/** Whether `value` on axis `axis` is enabled, given the values chosen on the axes before it. */
export function isValueEnabled(product: Product, selection: Selection, axis: number, value: string): boolean {
  const { enabled } = indexOf(product);
  const key = `${axis}:${keyOf(selection, axis)}`;
  let values = enabled.get(key);
  if (!values) {
    const found = new Set<string | undefined>();
    for (const v of product.variants ?? []) if (isAvailable(product, v) && matches(v, selection, axis)) found.add(v.options[axis]);
    if (enabled.size >= MAX_MEMO) enabled.clear();
    enabled.set(key, (values = found));
  }
  return values.has(value);
}

/** Chooses `value` on `axis`, then keeps or re-picks later axes so the selection stays enabled. */
export function choose(product: Product, selection: Selection, axis: number, value: string): Selection {
  const next = [...selection];
  next[axis] = value;
  for (let i = axis + 1; i < axes(product); i++) {
    const current = next[i];
    if (current !== undefined && isValueEnabled(product, next, i, current)) continue;
    next[i] = product.options![i]!.values.find((v) => isValueEnabled(product, next, i, v)) ?? current;
  }
  return next;
}

/**
 * The selection a card starts with: the first available variant's values (in the order the
 * product lists its variants); the first variant's when none is available; empty without options.
 */
export function initialSelection(product: Product): Selection {
  if (!axes(product)) return [];
  const v = product.variants?.find((v) => isAvailable(product, v) && v.options.length === axes(product)) ?? product.variants?.[0];
  return v ? [...v.options] : product.options!.map(() => undefined);
}

/** What a selection buys: the variant (or none for a product without options) and whether it can be bought. */
export function resolve(product: Product, selection: Selection): { variant?: Variant; buyable: boolean; exists: boolean } {
  if (!axes(product)) {
    const variant = product.variants?.length === 1 ? product.variants[0] : undefined;
    return { variant, buyable: isAvailable(product, variant), exists: true };
  }
  const variant = findVariant(product, selection);
  return { variant, buyable: Boolean(variant) && isAvailable(product, variant), exists: Boolean(variant) };
}

/** Price and compare-at price of the selection (the variant's override the product's). */
export function priceOf(product: Product, variant?: Variant): { price?: number; compareAt?: number } {
  const price = variant?.price ?? product.price;
  const compareAt = variant?.compareAtPrice ?? product.compareAtPrice;
  return { price, compareAt: compareAt !== undefined && price !== undefined && compareAt > price ? compareAt : undefined };
}

/** Largest quantity a shopper may choose: the stock when the store reports it, else 99. */
export function maxQuantity(variant?: Variant): number {
  return variant?.inventory !== undefined && variant.inventory > 0 ? Math.min(variant.inventory, 99) : 99;
}
