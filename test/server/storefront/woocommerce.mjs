// WooCommerce Store API under /wp-json/wc/store/v1: cart, cart/add-item, cart/update-item,
// cart/remove-item, products/{id}. Session: the `wp_woocommerce_session_sv` cookie, or a
// `Cart-Token` header (which skips the nonce check). Writes need a valid `Nonce` header;
// every response carries a fresh Nonce and the Cart-Token. Errors {code, message, data:{status}}.
import { CATALOG, findVariant, variantTitle } from './catalog.mjs';
import { addLine, cartCount, cartTotal, stockFor, unitsInCart } from './util.mjs';

const BASE = '/wp-json/wc/store/v1/';
const COOKIE = 'wp_woocommerce_session_sv';

export function woocommerce(ctx, st) {
  if (!ctx.path.startsWith(BASE)) return null;
  const route = ctx.path.slice(BASE.length);
  const unit = ctx.settings.wooMinorUnit;
  const price = (cents) => String(Math.round(cents / 10 ** (2 - unit)));
  const prices = (cents, regular = cents) => ({
    price: price(cents), regular_price: price(regular), sale_price: price(cents),
    currency_code: 'USD', currency_symbol: '$', currency_minor_unit: unit,
    currency_decimal_separator: '.', currency_thousand_separator: ',', currency_prefix: '$', currency_suffix: '',
  });
  const fail = (status, code, message, data = {}) => ({ status, body: { code, message, data: { status, ...data } } });

  // The session: Cart-Token header first, then the cookie, else a new one.
  const token = ctx.header('Cart-Token');
  let session = token && Object.values(st.sessions).find((s) => s.cartToken === token);
  const byToken = Boolean(session);
  session ??= st.sessions[ctx.cookies[COOKIE]];
  const ensureSession = () => {
    if (!session) {
      const id = ctx.id('wc-');
      session = st.sessions[id] = { id, cartToken: `eyJ0eXAiOiJKV1QifQ.${ctx.id()}`, nonces: [] };
      st.carts[id] = { id, lines: [], attributes: {} };
      ctx.setCookie(COOKIE, id);
    }
    return session;
  };
  const headers = () => {
    const s = ensureSession();
    const nonce = ctx.id('n');
    s.nonces.push(nonce);
    return { Nonce: nonce, 'Nonce-Timestamp': String(Math.floor(Date.now() / 1000)), 'Cart-Token': s.cartToken };
  };

  const itemJson = (l) => {
    const { product, variant } = findVariant('woo', l.variantId);
    const max = Math.min(st.stock[variant.sku], 9999);
    return {
      key: l.key, id: Number(l.variantId), type: variant.options.length ? 'variation' : 'simple', quantity: l.quantity,
      quantity_limits: { minimum: 1, maximum: max, multiple_of: 1, editable: true },
      name: product.title, sku: l.sku,
      variation: variant.options.map((value, i) => ({ attribute: product.options[i], value })),
      prices: prices(product.price, product.compareAtPrice),
      totals: { line_subtotal: price(l.price * l.quantity), line_total: price(l.price * l.quantity), currency_code: 'USD', currency_minor_unit: unit },
    };
  };
  const cartJson = (cart) => ({
    items: cart.lines.map(itemJson), coupons: [], fees: [], items_count: cartCount(cart), items_weight: 0,
    needs_payment: true, needs_shipping: true, has_calculated_shipping: false, errors: [],
    totals: {
      total_items: price(cartTotal(cart)), total_price: price(cartTotal(cart)), total_tax: '0',
      currency_code: 'USD', currency_symbol: '$', currency_minor_unit: unit,
    },
  });
  const answer = (status, cart) => ({ status, headers: headers(), body: cartJson(cart) });
  const withHeaders = (r) => ({ ...r, headers: headers() });

  // Writes need a valid nonce unless the session came from a Cart-Token.
  const checkNonce = () => {
    if (byToken) return undefined;
    const nonce = ctx.header('Nonce');
    if (!nonce) return fail(401, 'woocommerce_rest_missing_nonce', 'Missing the Nonce header. This endpoint requires a valid nonce.');
    if (ctx.fault?.fault === 'expired-nonce' && session) session.nonces = [];
    if (!session?.nonces.includes(nonce)) return fail(403, 'woocommerce_rest_invalid_nonce', 'Nonce is invalid.');
    return undefined;
  };

  const product = route.match(/^products\/(\d+)$/);
  if (product && ctx.method === 'GET') {
    return {
      kind: 'read',
      handle: () => {
        const id = product[1];
        const p = CATALOG.find((p) => p.woo.productId === id);
        const v = findVariant('woo', id);
        if (!p && !v) return withHeaders(fail(404, 'woocommerce_rest_product_invalid_id', 'Invalid product ID.'));
        const variable = p && p.variants.length > 1;
        const stock = p ? p.variants.reduce((n, x) => n + st.stock[x.sku], 0) : st.stock[v.variant.sku];
        const base = p ?? v.product;
        return withHeaders({
          status: 200,
          body: {
            id: Number(id), name: v && !p ? variantTitle(v.product, v.variant) : base.title, type: variable ? 'variable' : p ? 'simple' : 'variation',
            parent: p ? 0 : Number(base.woo.productId), sku: v?.variant.sku ?? '', prices: prices(base.price, base.compareAtPrice),
            is_purchasable: true, is_in_stock: stock > 0, low_stock_remaining: stock > 0 && stock <= 5 ? stock : null,
            variations: variable ? p.variants.map((x) => ({ id: Number(x.woo), attributes: x.options.map((value, i) => ({ name: p.options[i], value })) })) : [],
            add_to_cart: { minimum: 1, maximum: stock, multiple_of: 1 },
          },
        });
      },
    };
  }
  if (route === 'cart' && ctx.method === 'GET') {
    return { kind: 'read', handle: () => answer(200, st.carts[ensureSession().id]) };
  }
  if (!['cart/add-item', 'cart/update-item', 'cart/remove-item'].includes(route) || ctx.method !== 'POST') return null;

  return {
    kind: route === 'cart/add-item' ? 'add' : 'write',
    // add-item has no key to go stale: WooCommerce never answers it with a 409, so the
    // conflict fault does nothing there.
    fault: (f) => (f === 'conflict' && route === 'cart/add-item' ? null : f === 'conflict'
      ? withHeaders(fail(409, 'woocommerce_rest_cart_invalid_key', 'Cart item no longer exists or is invalid.', { cart: cartJson(st.carts[ensureSession().id]) }))
      : { ...fail(429, 'rate_limit_exceeded', 'Too many requests. Please wait and try again.'), headers: { 'Retry-After': '1' } }),
    handle: () => {
      const denied = checkNonce();
      if (denied) return denied;
      const cart = st.carts[ensureSession().id];
      const body = ctx.body ?? {};
      if (route === 'cart/add-item') {
        const id = String(body.id);
        const found = findVariant('woo', id);
        if (!found) {
          if (CATALOG.some((p) => p.woo.productId === id)) return withHeaders(fail(400, 'woocommerce_rest_missing_variation_data', 'Missing variation data for the variable product.'));
          return withHeaders(fail(400, 'woocommerce_rest_cart_invalid_product', 'This product cannot be added to the cart.'));
        }
        const quantity = Number(body.quantity ?? 1);
        const inCart = unitsInCart(cart, id);
        const stock = stockFor(ctx, st, found.variant, inCart, quantity);
        const name = variantTitle(found.product, found.variant);
        if (stock <= 0) return withHeaders(fail(400, 'woocommerce_rest_product_out_of_stock', `You cannot add &quot;${name}&quot; to the cart because the product is out of stock.`));
        if (inCart + quantity > stock) {
          return withHeaders(fail(400, 'woocommerce_rest_product_partially_out_of_stock', `You cannot add that amount of &quot;${name}&quot; to the cart — we have ${stock} in stock and you already have ${inCart} in your cart.`));
        }
        addLine(cart, { ...found, variantId: id, quantity }, () => ctx.id('wk'));
        return answer(201, cart);
      }
      const line = cart.lines.find((l) => l.key === body.key);
      if (!line) return withHeaders(fail(409, 'woocommerce_rest_cart_invalid_key', 'Cart item no longer exists or is invalid.', { cart: cartJson(cart) }));
      if (route === 'cart/remove-item' || Number(body.quantity) <= 0) cart.lines.splice(cart.lines.indexOf(line), 1);
      else line.quantity = Number(body.quantity);
      return answer(200, cart);
    },
  };
}
