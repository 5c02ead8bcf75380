// Shopify Storefront API at /api/{YYYY-MM}/graphql.json. Not a GraphQL engine: a small
// recogniser of the operations the shopify-storefront adapter sends (by operationName, or
// the root field in the query) that answers the full shape whatever the selection.
// Business errors are HTTP 200 with userErrors {code, field, message}; cart ids carry a
// `?key=` suffix that must be sent back whole.
import { CATALOG, findVariant, variantTitle } from './catalog.mjs';
import { addLine, cartCount, cartTotal, stockFor, unitsInCart } from './util.mjs';

/** Shopify's decimal strings: "68.0", "19.99", "19.9". */
const money = (cents) => ({ amount: (cents / 100).toFixed(2).replace(/0$/, ''), currencyCode: 'USD' });
const variantGid = (id) => `gid://shopify/ProductVariant/${id}`;
const productGid = (id) => `gid://shopify/Product/${id}`;

function cartJson(cart, origin) {
  const [token, key] = cart.id.replace('gid://shopify/Cart/', '').split('?key=');
  return {
    id: cart.id,
    checkoutUrl: `${origin}/cart/c/${token}?key=${key}`,
    totalQuantity: cartCount(cart),
    cost: { totalAmount: money(cartTotal(cart)) },
    lines: {
      nodes: cart.lines.map((l) => {
        const { product } = findVariant('shopify', l.variantId);
        return {
          id: l.key, quantity: l.quantity,
          attributes: Object.entries(l.properties).map(([key, value]) => ({ key, value })),
          merchandise: { id: variantGid(l.variantId), title: l.title, price: money(l.price), product: { id: productGid(product.shopify.productId), title: product.title } },
        };
      }),
    },
  };
}

function productJson(p, st) {
  return {
    id: productGid(p.shopify.productId), handle: p.shopify.handle, title: p.title,
    availableForSale: p.variants.some((v) => st.stock[v.sku] > 0),
    priceRange: { minVariantPrice: money(p.price) },
    compareAtPriceRange: { minVariantPrice: money(p.compareAtPrice ?? 0) },
    variants: {
      nodes: p.variants.map((v) => ({
        id: variantGid(v.shopify), title: v.options.join(' / ') || 'Default Title', availableForSale: st.stock[v.sku] > 0,
        quantityAvailable: st.stock[v.sku], price: money(p.price), compareAtPrice: p.compareAtPrice ? money(p.compareAtPrice) : null,
        selectedOptions: v.options.map((value, i) => ({ name: p.options[i], value })),
      })),
    },
  };
}

export function storefrontApi(ctx, st) {
  if (!/^\/api\/\d{4}-\d{2}\/graphql\.json$/.test(ctx.path) || ctx.method !== 'POST') return null;
  const { query = '', operationName, variables = {} } = ctx.body ?? {};
  const op = operationName ?? query.match(/\b(?:query|mutation)\s+(\w+)/)?.[1] ??
    { cartCreate: 'SvCartCreate', cartLinesAdd: 'SvCartLinesAdd', cart: 'SvCart', nodes: 'SvHydrate' }[query.match(/\{\s*(\w+)\s*\(/)?.[1]];
  const kind = op === 'SvCartCreate' || op === 'SvCartLinesAdd' ? 'add' : 'read';
  const ok = (data) => ({ status: 200, body: { data } });

  function add(cart, lines) {
    const userErrors = [];
    const warnings = [];
    const plan = [];
    lines.forEach((l, i) => {
      const id = String(l.merchandiseId).split('/').pop();
      const found = findVariant('shopify', id);
      if (!found) {
        userErrors.push({ code: 'INVALID', field: ['lines', String(i), 'merchandiseId'], message: 'The merchandise with id ' + l.merchandiseId + ' does not exist.' });
        return;
      }
      const inCart = cart ? unitsInCart(cart, id) : 0;
      const stock = stockFor(ctx, st, found.variant, inCart, l.quantity);
      const room = Math.min(l.quantity, Math.max(0, stock - inCart));
      // Since API 2024-10 stock problems are warnings (the mutation succeeds, adjusted), not userErrors.
      if (stock <= 0) {
        warnings.push({ code: 'MERCHANDISE_OUT_OF_STOCK', message: `The product '${variantTitle(found.product, found.variant)}' is already sold out.`, target: l.merchandiseId });
      } else if (room <= 0) {
        warnings.push({ code: 'MERCHANDISE_NOT_ENOUGH_STOCK', message: `Only ${stock} items were added to your cart due to availability.`, target: l.merchandiseId });
      } else {
        if (room < l.quantity) warnings.push({ code: 'MERCHANDISE_NOT_ENOUGH_STOCK', message: `Only ${room} items were added to your cart due to availability.`, target: '' });
        plan.push({ ...found, variantId: id, quantity: room, properties: Object.fromEntries((l.attributes ?? []).map((a) => [a.key, a.value])) });
      }
    });
    if (userErrors.length) return { userErrors, warnings: [] };
    if (!plan.length && !cart) {
      // Nothing could be added: cartCreate still creates the (empty) cart and warns.
    }
    if (!cart) {
      const id = `gid://shopify/Cart/${ctx.id('hWN')}?key=${ctx.id('k')}`;
      cart = st.carts[id] = { id, lines: [], attributes: {} };
    }
    for (const p of plan) {
      const line = addLine(cart, p, () => `gid://shopify/CartLine/${ctx.id()}?cart=${cart.id.split('/').pop().split('?')[0]}`);
      const w = warnings.find((w) => w.target === '' && w.code === 'MERCHANDISE_NOT_ENOUGH_STOCK');
      if (w) w.target = line.key;
    }
    return { cart, userErrors, warnings };
  }

  return {
    kind,
    fault: (f) => (f === 'rate-limit'
      ? { status: 429, headers: { 'retry-after': '1' }, body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] } }
      : ok({ [op === 'SvCartCreate' ? 'cartCreate' : 'cartLinesAdd']: { cart: null, userErrors: [{ code: 'CONFLICT', field: ['cartId'], message: 'The cart was changed by another request. Try again.' }], warnings: [] } })),
    handle: () => {
      if (ctx.header('X-Shopify-Storefront-Access-Token') !== ctx.settings.storefrontToken) {
        return { status: 401, body: { errors: [{ message: 'Invalid Storefront API access token.', extensions: { code: 'UNAUTHORIZED' } }] } };
      }
      switch (op) {
        case 'SvHydrate':
          return ok({ nodes: (variables.ids ?? []).map((id) => {
            const p = CATALOG.find((p) => productGid(p.shopify.productId) === id);
            return p ? productJson(p, st) : null;
          }) });
        case 'SvCart': {
          const cart = st.carts[variables.id];
          return ok({ cart: cart ? cartJson(cart, ctx.origin) : null });
        }
        case 'SvCartCreate': {
          const r = add(undefined, variables.lines ?? []);
          return ok({ cartCreate: { cart: r.cart ? cartJson(r.cart, ctx.origin) : null, userErrors: r.userErrors, warnings: r.warnings } });
        }
        case 'SvCartLinesAdd': {
          const cart = st.carts[variables.cartId];
          if (!cart) {
            return ok({ cartLinesAdd: { cart: null, userErrors: [{ code: 'INVALID', field: ['cartId'], message: 'The specified cart does not exist.' }], warnings: [] } });
          }
          const r = add(cart, variables.lines ?? []);
          return ok({ cartLinesAdd: { cart: cartJson(cart, ctx.origin), userErrors: r.userErrors, warnings: r.warnings } });
        }
        default:
          return { status: 200, body: { errors: [{ message: `The local storefront does not know the operation "${op}".` }] } };
      }
    },
  };
}
