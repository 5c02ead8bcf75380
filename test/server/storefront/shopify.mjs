// Shopify Ajax cart under `/` and a locale root (`/fr/`): cart/add.js (JSON and form),
// cart.js, cart/change.js, cart/update.js, products/{handle}.js, `sections` rendering,
// cart permalinks /cart/{variant}:{qty}, and both 422 behaviours (documented partial add,
// observed all-or-nothing). Session: the `cart` cookie.
import { CATALOG, findVariant, variantTitle } from './catalog.mjs';
import { addLine, cartCount, cartTotal, stockFor, unitsInCart } from './util.mjs';

const ROUTE = /^\/(?:[a-z]{2}(?:-[a-zA-Z]{2})?\/)?(cart\.js|cart\/add\.js|cart\/add|cart\/change\.js|cart\/update\.js|products\/([\w-]+)\.js|cart\/(\d+:\d+(?:,\d+:\d+)*)|checkout)$/;

// Shopify money (Liquid, Ajax API) is always in hundredths of the currency unit, whatever the
// currency's own digits. The catalog's prices are read as amounts of the shop's currency in its
// minor units: USD cents, or whole yen with `shopifyCurrency: 'JPY'` (¥3,900 → 390000).
let hundredths = (v) => v;
let currency = 'USD';

const lineJson = (l) => {
  const { product } = findVariant('shopify', l.variantId);
  const m = hundredths;
  return {
    id: Number(l.variantId), variant_id: Number(l.variantId), product_id: Number(product.shopify.productId),
    key: l.key, quantity: l.quantity, properties: l.properties, title: l.title, product_title: l.productTitle,
    price: m(l.price), original_price: m(l.price), line_price: m(l.price * l.quantity), final_line_price: m(l.price * l.quantity),
    sku: l.sku, handle: product.shopify.handle, url: `/products/${product.shopify.handle}?variant=${l.variantId}`, image: null,
  };
};

const cartJson = (cart) => ({
  token: cart.id, note: null, attributes: cart.attributes, original_total_price: hundredths(cartTotal(cart)),
  total_price: hundredths(cartTotal(cart)), total_discount: 0, total_weight: 0, item_count: cartCount(cart),
  items: cart.lines.map(lineJson), requires_shipping: true, currency, items_subtotal_price: hundredths(cartTotal(cart)),
});

/** Theme sections as Shopify renders them: an HTML string per id, wrapped in `.shopify-section`. */
function renderSection(id, cart) {
  const wrap = (inner) => `<div id="shopify-section-${id}" class="shopify-section">${inner}</div>`;
  if (id === 'cart-icon-bubble') return wrap(`<span class="cart-count-bubble" data-count="${cartCount(cart)}">${cartCount(cart)}</span>`);
  if (id === 'cart-drawer') {
    const items = cart.lines.map((l) => `<li data-variant="${l.variantId}">${l.title} × ${l.quantity}</li>`).join('');
    return wrap(`<div id="CartDrawer" class="drawer__inner" data-count="${cartCount(cart)}"><ul>${items}</ul></div>`);
  }
  // Dawn's notification sections (cart-notification.js renders these three after an add).
  if (id === 'cart-notification-product') {
    return wrap(cart.lines.map((l) => `<div id="cart-notification-product-${l.key}"><h3>${l.title}</h3><dl><dd>${l.quantity}</dd></dl></div>`).join(''));
  }
  if (id === 'cart-notification-button') return wrap(`<a href="/cart" id="cart-notification-button">View my cart (${cartCount(cart)})</a>`);
  return null;
}

export function shopifyAjax(ctx, st) {
  const m = ctx.path.match(ROUTE);
  if (!m) return null;
  currency = ctx.settings.shopifyCurrency ?? 'USD';
  hundredths = currency === 'JPY' ? (v) => v * 100 : (v) => v;
  const [, route, handle, permalink] = m;
  const cartOf = (create) => {
    let cart = st.carts[ctx.cookies.cart];
    if (!cart && create) {
      const id = ctx.id('c1-');
      cart = st.carts[id] = { id, lines: [], attributes: {} };
      ctx.setCookie('cart', id);
    }
    return cart;
  };
  const empty = { id: '', lines: [], attributes: {} };
  const error = (description, status = 422) => ({ status, body: { status, message: 'Cart Error', description } });
  const withSections = (payload, body, cart) => {
    const ids = body?.sections;
    if (!ids) return payload;
    const list = (Array.isArray(ids) ? ids : String(ids).split(',')).slice(0, 5);
    return { ...payload, sections: Object.fromEntries(list.map((id) => [id, renderSection(id, cart)])) };
  };

  if (route === 'checkout') return { kind: 'read', handle: () => ({ status: 200, html: '<!DOCTYPE html><title>Checkout</title><h1>Checkout</h1>' }) };

  if (permalink) {
    // /cart/{variant}:{qty},… builds a new cart and goes to checkout; ?attributes[k]=v sets cart attributes.
    return {
      kind: 'add',
      handle: () => {
        const id = ctx.id('c1-');
        const cart = (st.carts[id] = { id, lines: [], attributes: {} });
        for (const [k, v] of ctx.url.searchParams) {
          const a = k.match(/^attributes\[(.+)\]$/);
          if (a) cart.attributes[a[1]] = v;
        }
        for (const pair of permalink.split(',')) {
          const [id, qty] = pair.split(':');
          const found = findVariant('shopify', id);
          if (!found) continue;
          const room = Math.min(Number(qty), st.stock[found.variant.sku]);
          if (room > 0) addLine(cart, { ...found, variantId: id, quantity: room }, () => ctx.id('k-'));
        }
        ctx.setCookie('cart', cart.id);
        return { status: 302, redirect: '/checkout' };
      },
    };
  }

  if (handle) {
    return {
      kind: 'read',
      handle: () => {
        const p = CATALOG.find((p) => p.shopify.handle === handle);
        if (!p) return { status: 404, body: { status: 404, message: 'Not Found', description: 'Not Found' } };
        const variants = p.variants.map((v) => ({
          id: Number(v.shopify), title: v.options.join(' / ') || 'Default Title', option1: v.options[0] ?? 'Default Title',
          option2: v.options[1] ?? null, option3: v.options[2] ?? null, sku: v.sku, price: hundredths(p.price),
          compare_at_price: p.compareAtPrice ? hundredths(p.compareAtPrice) : null, available: st.stock[v.sku] > 0, name: variantTitle(p, v),
        }));
        return {
          status: 200,
          body: {
            id: Number(p.shopify.productId), title: p.title, handle, available: variants.some((v) => v.available),
            price: hundredths(p.price), price_min: hundredths(p.price), price_max: hundredths(p.price), compare_at_price: p.compareAtPrice ? hundredths(p.compareAtPrice) : null,
            options: (p.options ?? ['Title']).map((name, i) => ({ name, position: i + 1, values: [...new Set(p.variants.map((v) => v.options[i] ?? 'Default Title'))] })),
            variants, images: [],
          },
        };
      },
    };
  }

  if (route === 'cart.js') return { kind: 'read', handle: () => ({ status: 200, body: cartJson(cartOf(false) ?? empty) }) };

  const fault = (f) => (f === 'conflict'
    ? error('There was a conflict with another request. Please try again.', 409)
    : { status: 429, headers: { 'retry-after': '1' }, body: { status: 429, message: 'Too Many Requests', description: 'Too many requests. Please slow down.' } });

  if (route === 'cart/add.js' || route === 'cart/add') {
    return {
      kind: 'add',
      fault,
      handle: () => {
        const body = ctx.body ?? {};
        const single = !body.items;
        const requests = single ? [{ id: body.id, quantity: body.quantity ?? 1, properties: body.properties }] : body.items;
        const partial = ctx.settings.shopify422 === 'partial' || ctx.fault?.fault === 'partial-422';
        const cart = cartOf(true);
        const plan = [];
        let problem;
        for (const r of requests) {
          const found = findVariant('shopify', String(r.id));
          const quantity = Number(r.quantity ?? 1);
          if (!found) return { status: 404, body: { status: 404, message: 'Cart Error', description: 'Cannot find variant' } };
          const variantId = String(r.id);
          const inCart = unitsInCart(cart, variantId) + plan.filter((p) => p.variantId === variantId).reduce((n, p) => n + p.quantity, 0);
          const stock = stockFor(ctx, st, found.variant, inCart, quantity);
          const name = variantTitle(found.product, found.variant);
          let room = Math.min(quantity, Math.max(0, stock - inCart));
          if (stock <= 0) problem ??= `The product '${name}' is already sold out.`;
          else if (room === 0) problem ??= 'The maximum quantity of this item is already in your cart.';
          else if (room < quantity) problem ??= partial ? `Only ${room} items were added to your cart.` : `You can only add ${stock - inCart} of '${name}' to the cart.`;
          if (!partial && room < quantity) room = 0;
          if (room > 0) plan.push({ ...found, variantId, quantity: room, properties: r.properties ?? {} });
        }
        if (problem && !partial) return error(problem);
        const added = plan.map((p) => addLine(cart, p, () => ctx.id('k-')));
        if (problem) return error(problem);
        const payload = single ? lineJson(added[0]) : { items: added.map(lineJson) };
        return { status: 200, body: withSections(payload, body, cart) };
      },
    };
  }

  // change.js {id: key | variant id, line, quantity} and update.js {updates: {variantId: qty}}
  return {
    kind: 'write',
    fault,
    handle: () => {
      const body = ctx.body ?? {};
      const cart = cartOf(true);
      const set = (line, quantity) => {
        const found = findVariant('shopify', line.variantId);
        const others = unitsInCart(cart, line.variantId) - line.quantity;
        if (quantity > 0 && others + quantity > stockFor(ctx, st, found.variant, others, quantity)) {
          return `You can only add ${Math.max(0, st.stock[found.variant.sku] - others)} of '${line.title}' to the cart.`;
        }
        if (quantity <= 0) cart.lines.splice(cart.lines.indexOf(line), 1);
        else line.quantity = quantity;
        return undefined;
      };
      if (route === 'cart/change.js') {
        const line = body.line ? cart.lines[Number(body.line) - 1]
          : cart.lines.find((l) => l.key === String(body.id)) ?? cart.lines.find((l) => l.variantId === String(body.id));
        if (!line) return error('Cart Error: no valid id or line parameter', 400);
        const problem = set(line, Number(body.quantity));
        return problem ? error(problem) : { status: 200, body: withSections(cartJson(cart), body, cart) };
      }
      for (const [id, qty] of Object.entries(body.updates ?? {})) {
        const line = cart.lines.find((l) => l.variantId === String(id));
        if (line) {
          const problem = set(line, Number(qty));
          if (problem) return error(problem);
        } else if (Number(qty) > 0) {
          const found = findVariant('shopify', String(id));
          if (found) addLine(cart, { ...found, variantId: String(id), quantity: Number(qty) }, () => ctx.id('k-'));
        }
      }
      return { status: 200, body: withSections(cartJson(cart), body, cart) };
    },
  };
}
