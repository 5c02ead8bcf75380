/**
 * `checkout="woocommerce"`: the WooCommerce Store API (`/wp-json/wc/store/v1`). On the shop's
 * own pages it uses the cookie session with the `Nonce` header (from `nonce` or
 * `wcBlocksMiddlewareConfig.storeApiNonce`, then from every response); headless (`shop`
 * set) it keeps the `Cart-Token` instead. An expired nonce is refreshed and the request
 * sent once more. After an add it fires the blocks and classic cart refresh events.
 */
import { currencyDigits, fail, go, hydrateEach, ok, refsOf, request, serialQueue } from '../http.js';
import { allowedUrl } from '../navigation.js';
import type { AdapterConfig, CartSummary, CheckoutAdapter, CommerceError, CommerceErrorCode, Result } from '../types.js';

const g = globalThis as any;
/** Cart writes of every instance on the page, one at a time: one session token, one cart. */
const serial = serialQueue();

const CODES: Record<string, CommerceErrorCode> = {
  woocommerce_rest_product_out_of_stock: 'OUT_OF_STOCK',
  woocommerce_rest_product_partially_out_of_stock: 'QUANTITY_LIMIT',
  woocommerce_rest_product_too_many_in_cart: 'QUANTITY_LIMIT',
  woocommerce_rest_cart_invalid_quantity: 'QUANTITY_LIMIT',
  woocommerce_rest_product_not_purchasable: 'NOT_PURCHASABLE',
  woocommerce_rest_cart_invalid_product: 'NOT_PURCHASABLE',
  woocommerce_rest_missing_variation_data: 'NOT_PURCHASABLE',
  woocommerce_rest_missing_nonce: 'AUTH_EXPIRED',
  woocommerce_rest_invalid_nonce: 'AUTH_EXPIRED',
  woocommerce_rest_cart_invalid_key: 'CONFLICT',
  rate_limit_exceeded: 'RATE_LIMITED',
};

const decode = (s: string) =>
  s.replace(/&(quot|#0?39|amp|lt|gt);/g, (_, e) => ({ quot: '"', '#039': "'", '#39': "'", amp: '&', lt: '<', gt: '>' })[e as string]!);

function mapError(status: number, body: any): CommerceError | undefined {
  const code = CODES[body?.code];
  return code && fail(code, decode(body.message ?? ''), status).error;
}

/** Store API prices are strings in the shop's minor unit; ours follow ISO 4217. */
const price = (value: string | undefined, minorUnit: number, currency: string) =>
  value === undefined ? undefined : Math.round(Number(value) * 10 ** (currencyDigits(currency) - minorUnit));

function fromCart(cart: any, checkoutUrl: string | undefined): CartSummary {
  const { currency_code: currency, currency_minor_unit: unit } = cart.totals;
  return {
    itemCount: cart.items_count,
    total: price(cart.totals.total_price, unit, currency)!,
    currency,
    checkoutUrl,
    lines: cart.items.map((i: any) => ({
      key: i.key,
      variantId: String(i.id),
      title: decode(i.name),
      quantity: i.quantity,
      price: price(i.prices?.price, unit, currency),
    })),
  };
}

export default function woocommerce(config: AdapterConfig): CheckoutAdapter {
  const base = `${config.shop ?? ''}${config.cartRoot ?? '/'}wp-json/wc/store/v1/`;
  const headless = Boolean(config.shop);
  let nonce: string | undefined = config.nonce ?? g.wcBlocksMiddlewareConfig?.storeApiNonce;
  // Headless: the Cart-Token is the cart. It is kept across page loads (written only once the
  // shopper added something, never on a read), unless persistCart is false.
  const storageKey = `shoppable-video:wc-cart-token:${config.shop ?? ''}`;
  const stored = () => {
    if (!headless || config.persistCart === false) return undefined;
    try { return localStorage.getItem(storageKey) ?? undefined; } catch { return undefined; }
  };
  const persist = () => {
    if (!headless || config.persistCart === false || !cartToken) return;
    try { localStorage.setItem(storageKey, cartToken); } catch { /* private mode */ }
  };
  let cartToken: string | undefined = stored();
  /** The checkout page; headless, it carries the cart token (`cart_token`) so the shop can load that cart. */
  const checkoutUrl = () => {
    const url = allowedUrl(config.checkoutUrl ?? g.wcSettings?.storePages?.checkout?.permalink ?? '/checkout/', config);
    if (!url || !headless || !cartToken) return url;
    try {
      const u = new URL(url, location.href);
      u.searchParams.set('cart_token', cartToken);
      return u.href;
    } catch {
      return url;
    }
  };

  const call = (path: string, signal: AbortSignal, json?: object) =>
    request(base + path, {
      method: json ? 'POST' : 'GET',
      json,
      signal,
      timeoutMs: config.timeoutMs,
      headers: headless ? (cartToken ? { 'Cart-Token': cartToken } : {}) : nonce ? { Nonce: nonce } : {},
      // Headless, the Cart-Token is the session: no cookies (cross-origin stores never get them anyway).
      ...(headless ? { credentials: 'omit' as const } : {}),
      mapError,
      onResponse: (r) => {
        nonce = r.headers.get('Nonce') ?? nonce;
        cartToken = r.headers.get('Cart-Token') ?? cartToken;
      },
    });

  const summary = (res: { status: number; data: any }): Result<CartSummary> => {
    try {
      return ok(fromCart(res.data, checkoutUrl()));
    } catch {
      return fail('UNKNOWN', 'The store answered with an unreadable cart.', res.status);
    }
  };
  const getCart = async ({ signal }: { signal: AbortSignal }): Promise<Result<CartSummary>> => {
    const res = await call('cart', signal);
    return res.ok ? summary(res.value) : res;
  };

  /** A write; a rejected nonce (nothing was applied) is refreshed from a cart read, then sent once more. */
  async function write(path: string, body: object, signal: AbortSignal) {
    if (headless) cartToken = stored() ?? cartToken; // another tab or player may have started the cart
    if (!(headless ? cartToken : nonce)) await getCart({ signal });
    const res = await call(path, signal, body);
    if (res.ok || res.error.code !== 'AUTH_EXPIRED') return res;
    const fresh = await getCart({ signal });
    return fresh.ok ? call(path, signal, body) : res;
  }

  return {
    name: 'woocommerce',
    getCart,

    hydrate: (products, { signal }) =>
      hydrateEach(products, (p) => {
        const id = p.refs?.wooProductId;
        if (!id) return undefined;
        const one = (pid: string) => call(`products/${pid}`, signal);
        const variations = (p.variants ?? []).map((v) => v.refs?.wooVariationId);
        return Promise.all([one(id), ...variations.map((v) => v && one(v))]).then(([parent, ...vs]) => {
          if (!parent!.ok) return parent as Result<never>;
          const read = (d: any) => {
            const { prices: pr } = d;
            return {
              price: price(pr.price, pr.currency_minor_unit, pr.currency_code),
              compareAtPrice: pr.sale_price !== pr.regular_price ? price(pr.regular_price, pr.currency_minor_unit, pr.currency_code) : undefined,
              available: d.is_purchasable && d.is_in_stock,
              inventory: d.low_stock_remaining ?? undefined,
            };
          };
          return ok({
            ...p,
            ...read(parent.value.data),
            currency: parent.value.data.prices.currency_code,
            variants: p.variants?.map((v, i) => (vs[i] && vs[i].ok ? { ...v, ...read(vs[i].value.data) } : v)),
          });
        });
      }),

    addLines: (lines, { signal }) => serial(async (): Promise<Result<CartSummary | undefined>> => {
      let cart: CartSummary | undefined;
      for (const line of lines) {
        const refs = refsOf(line);
        const id = refs.wooVariationId ?? refs.wooProductId;
        if (!id) return fail('NOT_PURCHASABLE', 'This product has no WooCommerce id (refs.wooProductId).');
        const res = await write('cart/add-item', { id: Number(id), quantity: line.quantity }, signal);
        if (!res.ok) return res;
        persist();
        const read = summary(res.value);
        cart = read.ok ? read.value : undefined; // applied (2xx) even when the body is odd: the flow re-reads
      }
      return ok(cart);
    }),

    checkoutUrl,

    openCart() {
      go(config.cartUrl ?? g.wcSettings?.storePages?.cart?.permalink ?? '/cart/', config.navigate, config);
    },

    notifyCartChanged() {
      // Blocks (mini-cart) listen on body; classic themes refresh their fragments through jQuery.
      document.body.dispatchEvent(new CustomEvent('wc-blocks_added_to_cart', { bubbles: true, cancelable: true }));
      g.jQuery?.(document.body).trigger('wc_fragment_refresh');
    },
  };
}
