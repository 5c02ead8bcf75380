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

/** The variant whose values equal the full selection, if any. */
export function findVariant(product: Product, selection: Selection): Variant | undefined {
  const n = axes(product);
  return product.variants?.find((v) => v.options.length === n && v.options.every((o, i) => o === selection[i]));
}

const matches = (v: Variant, selection: Selection, upTo: number) => {
  for (let i = 0; i < upTo; i++) if (selection[i] !== undefined && v.options[i] !== selection[i]) return false;
  return true;
};

/** Whether `value` on axis `axis` is enabled, given the values chosen on the axes before it. */
export function isValueEnabled(product: Product, selection: Selection, axis: number, value: string): boolean {
  return Boolean(product.variants?.some((v) => v.options[axis] === value && isAvailable(product, v) && matches(v, selection, axis)));
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
