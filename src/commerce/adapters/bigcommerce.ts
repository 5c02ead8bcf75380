/**
 * `checkout="bigcommerce"`: BigCommerce storefront carts (`/api/storefront/carts`), same
 * origin, cookie session. Hydration, when `storefront-token` is set, goes through the
 * GraphQL Storefront API at `/graphql`. After an add, Cornerstone-style themes get
 * `cart-quantity-update` on body through jQuery.
 */
import { currencyDigits, fail, go, ok, refsOf, request, serialQueue, toMinor } from '../http.js';
import { allowedUrl } from '../navigation.js';
import type { AdapterConfig, CartSummary, CheckoutAdapter, CommerceError, Result } from '../types.js';

const g = globalThis as any;
/** BigCommerce documents cart item writes as not concurrency-safe: one at a time per page. */
const serial = serialQueue();

function mapError(status: number, body: any): CommerceError | undefined {
  if (status !== 422 && status !== 400) return undefined;
  const message: string = body?.title || body?.detail || 'The cart refused the change.';
  return fail(/out of stock/i.test(message) ? 'OUT_OF_STOCK' : /only|quantit|maximum|minimum/i.test(message) ? 'QUANTITY_LIMIT' : 'NOT_PURCHASABLE', message, status).error;
}

function fromCart(cart: any, checkoutUrl: string | undefined): CartSummary {
  const digits = cart.currency.decimalPlaces ?? 2;
  const items = [...cart.lineItems.physicalItems, ...cart.lineItems.digitalItems];
  return {
    itemCount: items.reduce((n, i) => n + i.quantity, 0),
    total: toMinor(cart.cartAmount, digits),
    currency: cart.currency.code,
    checkoutUrl,
    lines: items.map((i) => ({
      key: i.id,
      productId: String(i.productId),
      variantId: String(i.variantId),
      title: i.name,
      quantity: i.quantity,
      price: toMinor(i.salePrice, digits),
    })),
  };
}

const HYDRATE = `query SvHydrate($ids: [Int!]) { site { products(entityIds: $ids, first: 50) { edges { node {
  entityId inventory { isInStock } prices { price { value currencyCode } basePrice { value currencyCode } }
  variants(first: 100) { edges { node { entityId isPurchasable inventory { isInStock aggregated { availableToSell } }
  prices { price { value currencyCode } } } } } } } } } }`;

export default function bigcommerce(config: AdapterConfig): CheckoutAdapter {
  const base = `${config.shop ?? ''}/api/storefront/carts`;
  const checkoutUrl = () => allowedUrl(config.checkoutUrl ?? `${config.shop ?? ''}/checkout`, config);
  let cartId: string | undefined;

  const getCart = async ({ signal }: { signal: AbortSignal }): Promise<Result<CartSummary>> => {
    const res = await request<any[]>(base, { signal, timeoutMs: config.timeoutMs });
    if (!res.ok) return res;
    const cart = Array.isArray(res.value.data) ? res.value.data[0] : undefined;
    try {
      const summary = cart ? fromCart(cart, checkoutUrl()) : { itemCount: 0, lines: [], total: 0, currency: 'USD', checkoutUrl: checkoutUrl() };
      cartId = cart?.id;
      return ok(summary);
    } catch {
      return fail('UNKNOWN', 'The store answered with an unreadable cart.', res.value.status);
    }
  };

  return {
    name: 'bigcommerce',
    getCart,

    async hydrate(products, { signal }) {
      const ids = products.map((p) => Number(p.refs?.bigcommerceProductId)).filter(Boolean);
      if (!ids.length) return ok([...products]);
      if (!config.storefrontToken) return fail('UNSUPPORTED', 'BigCommerce hydration needs the storefront-token attribute (a GraphQL Storefront API token).');
      const res = await request(`${config.shop ?? ''}/graphql`, {
        method: 'POST', signal, retries: 2, timeoutMs: config.timeoutMs,
        headers: { authorization: `Bearer ${config.storefrontToken}` },
        json: { query: HYDRATE, operationName: 'SvHydrate', variables: { ids } },
      });
      if (!res.ok) return res;
      const m = (p: any) => p && toMinor(p.value, currencyDigits(p.currencyCode));
      const found = new Map<number, any>(res.value.data.data.site.products.edges.map((e: any) => [e.node.entityId, e.node]));
      return ok(products.map((p) => {
        const n = found.get(Number(p.refs?.bigcommerceProductId));
        if (!n) return p;
        const vs = new Map<number, any>(n.variants.edges.map((e: any) => [e.node.entityId, e.node]));
        const base = m(n.prices.basePrice);
        return {
          ...p,
          price: m(n.prices.price),
          compareAtPrice: base > m(n.prices.price) ? base : undefined,
          currency: n.prices.price.currencyCode,
          available: n.inventory.isInStock,
          variants: p.variants?.map((v) => {
            const s = vs.get(Number(v.refs?.bigcommerceVariantId));
            return s ? { ...v, price: m(s.prices?.price), available: s.isPurchasable && s.inventory.isInStock, inventory: s.inventory.aggregated?.availableToSell } : v;
          }),
        };
      }));
    },

    addLines: (lines, { signal }) => serial(async (): Promise<Result<CartSummary | undefined>> => {
      const lineItems: { productId: number; variantId?: number; quantity: number }[] = [];
      for (const line of lines) {
        const refs = refsOf(line);
        if (!refs.bigcommerceProductId) return fail('NOT_PURCHASABLE', 'This product has no BigCommerce id (refs.bigcommerceProductId).');
        lineItems.push({
          productId: Number(refs.bigcommerceProductId),
          ...(refs.bigcommerceVariantId ? { variantId: Number(refs.bigcommerceVariantId) } : {}),
          quantity: line.quantity,
        });
      }
      if (!cartId) {
        const read = await getCart({ signal });
        if (!read.ok) return read;
      }
      const id = cartId; // read once
      const post = (to?: string) => request(to ? `${base}/${to}/items` : base, { method: 'POST', signal, timeoutMs: config.timeoutMs, json: { lineItems }, mapError });
      let res = await post(id);
      if (!res.ok && res.error.status === 404 && id) {
        cartId = undefined; // the cart expired or was converted to an order: a new one
        res = await post();
      }
      if (!res.ok) return res;
      try {
        const cart = fromCart(res.value.data, checkoutUrl());
        cartId = res.value.data.id;
        return ok(cart);
      } catch {
        return ok(undefined); // applied (2xx); the flow re-reads the cart
      }
    }),

    checkoutUrl,

    openCart() {
      go(config.cartUrl ?? `${config.shop ?? ''}/cart.php`, config.navigate, config);
    },

    notifyCartChanged(cart) {
      g.jQuery?.(document.body).trigger('cart-quantity-update', cart?.itemCount);
    },
  };
}
