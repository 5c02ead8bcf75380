// Shared by the Shopify adapters: the Storefront API cart shape, which `Shopify.actions`
// also resolves with, and its userErrors / warnings.
import { currencyDigits, fail, toMinor } from '../http.js';
import type { CartSummary, CommerceError } from '../types.js';

/** `gid://shopify/{type}/{id}` from a numeric id or a gid. */
export const gid = (type: string, id: string) => (id.startsWith('gid://') ? id : `gid://shopify/${type}/${id}`);

interface Money {
  amount: string;
  currencyCode: string;
}

export const money = (m: Money | null | undefined) =>
  m ? toMinor(m.amount, currencyDigits(m.currencyCode)) : undefined;

const nodes = <T>(list: any): T[] => (Array.isArray(list) ? list : (list?.nodes ?? list?.edges?.map((e: any) => e.node) ?? []));

/** The selection the storefront adapter asks for. */
export const CART_FIELDS =
  'id checkoutUrl totalQuantity cost{totalAmount{amount currencyCode}} ' +
  'lines(first:100){nodes{id quantity attributes{key value} ' +
  'merchandise{...on ProductVariant{id title price{amount currencyCode} product{id title}}}}}';

export function fromStorefrontCart(cart: any): CartSummary {
  const total = cart.cost?.totalAmount;
  return {
    itemCount: cart.totalQuantity ?? 0,
    total: money(total) ?? 0,
    currency: total?.currencyCode ?? 'USD',
    checkoutUrl: cart.checkoutUrl,
    lines: nodes<any>(cart.lines).map((l) => ({
      key: l.id,
      variantId: l.merchandise?.id,
      productId: l.merchandise?.product?.id,
      title: l.merchandise?.product?.title,
      quantity: l.quantity,
      price: money(l.merchandise?.price),
      properties: Object.fromEntries((l.attributes ?? []).map((a: any) => [a.key, a.value])),
    })),
  };
}

/**
 * The first userError, or a stock warning (the add was applied with a smaller quantity),
 * in the shared vocabulary. Undefined when the mutation fully succeeded.
 */
export function cartProblem(userErrors: any[] = [], warnings: any[] = []): CommerceError | undefined {
  const e = userErrors[0];
  if (e) {
    const code: string = e.code ?? '';
    const onQuantity = String(e.field?.at?.(-1) ?? '') === 'quantity';
    return fail(
      code === 'MERCHANDISE_OUT_OF_STOCK' || (code === 'INVALID' && onQuantity) ? 'OUT_OF_STOCK'
      : /STOCK|MAXIMUM|MINIMUM|INCREMENT|QUANTITY/.test(code) ? 'QUANTITY_LIMIT'
      : code.includes('CONFLICT') ? 'CONFLICT'
      : code.includes('MERCHANDISE') ? 'NOT_PURCHASABLE'
      : 'UNKNOWN',
      e.message || 'The store refused the change.',
    ).error;
  }
  const w = warnings.find((w) => /^MERCHANDISE_(NOT_ENOUGH|OUT_OF)_STOCK$/.test(w.code));
  if (w) return fail(w.code === 'MERCHANDISE_OUT_OF_STOCK' ? 'OUT_OF_STOCK' : 'QUANTITY_LIMIT', w.message).error;
  return undefined;
}
