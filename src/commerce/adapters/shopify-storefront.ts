/**
 * `checkout="shopify-storefront"`: a headless Shopify cart through the Storefront API
 * (attributes `shop` and `storefront-token`, optional `api-version`). Works cross-origin.
 * The cart id (with its `?key=` suffix) is kept whole in localStorage — strictly necessary
 * cart state — so the shopper keeps one cart; checkout is the cart's `checkoutUrl`.
 */
import { fail, go, ok, refsOf, request, serialQueue } from '../http.js';
import type { AdapterConfig, CartSummary, CheckoutAdapter, Result } from '../types.js';
import type { Variant } from '../../timeline/types.js';
import { allowedUrl } from '../navigation.js';
import { CART_FIELDS, cartProblem, fromStorefrontCart, gid, money } from './storefront-cart.js';

const PRODUCT_FIELDS =
  'id availableForSale priceRange{minVariantPrice{amount currencyCode}} ' +
  'compareAtPriceRange{minVariantPrice{amount currencyCode}} ' +
  'variants(first:100){nodes{id title availableForSale quantityAvailable price{amount currencyCode} ' +
  'compareAtPrice{amount currencyCode} selectedOptions{value}}}';

const QUERIES = {
  SvCart: `query SvCart($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`,
  SvCartCreate: `mutation SvCartCreate($lines: [CartLineInput!]!) { cartCreate(input: {lines: $lines}) { cart { ${CART_FIELDS} } userErrors { code field message } warnings { code message target } } }`,
  SvCartLinesAdd: `mutation SvCartLinesAdd($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { cart { ${CART_FIELDS} } userErrors { code field message } warnings { code message target } } }`,
  SvHydrate: `query SvHydrate($ids: [ID!]!) { nodes(ids: $ids) { ...on Product { ${PRODUCT_FIELDS} } } }`,
};

/**
 * The default Storefront API version: a stable version inside Shopify's support window (each
 * is supported for at least 12 months; 2026-10 until 2027-10). Stock problems arrive as
 * `warnings` since 2024-10; `userErrors` are read too, for older versions set by `api-version`.
 */
export const DEFAULT_API_VERSION = '2026-10';
/** Cart writes of every instance on the page, one at a time: one cart, never two. */
const serial = serialQueue();

const EMPTY: CartSummary = { itemCount: 0, lines: [], total: 0, currency: 'USD' };

export default function shopifyStorefront(config: AdapterConfig): CheckoutAdapter {
  const shop = config.shop ?? '';
  const endpoint = `${/^https?:/.test(shop) ? shop : `https://${shop}`}/api/${config.apiVersion ?? DEFAULT_API_VERSION}/graphql.json`;
  const storageKey = `shoppable-video:cart:${shop}`;
  const storage = {
    get: () => { if (config.persistCart === false) return undefined; try { return localStorage.getItem(storageKey) ?? undefined; } catch { return undefined; } },
    set: (id?: string) => {
      if (config.persistCart === false) return;
      try { id ? localStorage.setItem(storageKey, id) : localStorage.removeItem(storageKey); } catch { /* private mode */ }
    },
  };
  let cartId = config.cartId ?? storage.get();
  let lastCheckout: string | undefined;
  const keep = (cart: any) => {
    cartId = cart.id;
    storage.set(cartId);
    lastCheckout = cart.checkoutUrl;
    return fromStorefrontCart(cart);
  };

  async function gql(operationName: keyof typeof QUERIES, variables: object, signal: AbortSignal, read: boolean): Promise<Result<any>> {
    if (!shop || !config.storefrontToken) return fail('UNSUPPORTED', 'checkout="shopify-storefront" needs the shop and storefront-token attributes.');
    const res = await request(endpoint, {
      method: 'POST',
      signal,
      timeoutMs: config.timeoutMs,
      retries: read ? 2 : 0,
      headers: { 'X-Shopify-Storefront-Access-Token': config.storefrontToken },
      json: { query: QUERIES[operationName], operationName, variables },
    });
    if (!res.ok) return res;
    const { data, errors } = res.value.data ?? {};
    if (errors?.length) {
      const code = errors[0].extensions?.code;
      return fail(code === 'THROTTLED' ? 'RATE_LIMITED' : code === 'ACCESS_DENIED' || code === 'UNAUTHORIZED' ? 'AUTH_EXPIRED' : 'UNKNOWN', errors[0].message || 'The Storefront API refused the request.');
    }
    return ok(data);
  }

  async function mutate(lines: object[], signal: AbortSignal, fresh = false): Promise<Result<CartSummary>> {
    // Read once per write, inside the queue: another player on the page may have created the cart.
    if (!fresh) cartId = storage.get() ?? cartId;
    const op = cartId ? 'SvCartLinesAdd' : 'SvCartCreate';
    const res = await gql(op, cartId ? { cartId, lines } : { lines }, signal, false);
    if (!res.ok) return res;
    const payload = cartId ? res.value.cartLinesAdd : res.value.cartCreate;
    const problem = cartProblem(payload?.userErrors, payload?.warnings);
    if (cartId && !payload?.cart && !fresh && (!problem || (problem.code !== 'CONFLICT' && payload?.userErrors?.[0]?.field?.[0] === 'cartId'))) {
      // The stored cart expired or was checked out: start a new one, once.
      cartId = undefined;
      storage.set();
      return mutate(lines, signal, true);
    }
    if (!payload?.cart) return problem ? { ok: false, error: problem } : fail('UNKNOWN', 'The Storefront API answered without a cart.', 200);
    const cart = keep(payload.cart);
    return problem ? { ok: false, error: problem } : ok(cart);
  }

  return {
    name: 'shopify-storefront',

    async hydrate(products, { signal }) {
      const ids = products.map((p) => p.refs?.shopifyProductId).filter(Boolean).map((id) => gid('Product', id!));
      if (!ids.length) return ok([...products]);
      const res = await gql('SvHydrate', { ids }, signal, true);
      if (!res.ok) return res;
      const found = new Map(res.value.nodes.filter(Boolean).map((n: any) => [n.id, n]));
      return ok(products.map((p) => {
        const n: any = p.refs?.shopifyProductId && found.get(gid('Product', p.refs.shopifyProductId));
        if (!n) return p;
        const byId = new Map(n.variants.nodes.map((v: any) => [v.id, v]));
        const mine: Variant[] = p.variants?.length ? p.variants : n.variants.nodes.map((v: any) => ({ id: v.id, options: [], refs: { shopifyVariantId: v.id } }));
        return {
          ...p,
          price: money(n.priceRange?.minVariantPrice),
          compareAtPrice: money(n.compareAtPriceRange?.minVariantPrice) || undefined,
          currency: n.priceRange?.minVariantPrice?.currencyCode ?? p.currency,
          available: n.availableForSale,
          variants: mine.map((v) => {
            const s: any = byId.get(gid('ProductVariant', v.refs?.shopifyVariantId ?? v.id));
            return s
              ? { ...v, title: s.title, price: money(s.price), compareAtPrice: money(s.compareAtPrice), available: s.availableForSale,
                  inventory: s.quantityAvailable ?? undefined,
                  options: v.options.length ? v.options : s.selectedOptions.map((o: any) => o.value) }
              : v;
          }),
        };
      }));
    },

    addLines(lines, { signal }) {
      const ids = lines.map((l) => refsOf(l).shopifyVariantId);
      if (ids.some((id) => !id)) return Promise.resolve(fail('NOT_PURCHASABLE', 'This product has no Shopify variant id (refs.shopifyVariantId).'));
      return serial(() => mutate(lines.map((l, i) => ({
        merchandiseId: gid('ProductVariant', ids[i]!),
        quantity: l.quantity,
        attributes: Object.entries(l.properties ?? {}).map(([key, value]) => ({ key, value })),
      })), signal));
    },

    async getCart({ signal }) {
      cartId = storage.get() ?? cartId;
      if (!cartId) return ok(EMPTY);
      const res = await gql('SvCart', { id: cartId }, signal, true);
      if (!res.ok) return res;
      if (!res.value.cart) {
        cartId = undefined;
        storage.set();
        return ok(EMPTY);
      }
      return ok(keep(res.value.cart));
    },

    checkoutUrl: (cart) => allowedUrl(config.checkoutUrl ?? cart?.checkoutUrl ?? lastCheckout, config),

    openCart() {
      const url = config.cartUrl ?? config.checkoutUrl ?? lastCheckout;
      if (url) go(url, config.navigate, config);
    },
  };
}
