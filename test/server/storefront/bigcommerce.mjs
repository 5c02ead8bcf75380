// BigCommerce storefront carts under /api/storefront/carts (cookie session
// SHOP_SESSION_TOKEN): GET carts (an array), POST carts, GET carts/{id}, POST carts/{id}/items,
// PUT/DELETE carts/{id}/items/{itemId}. Amounts are decimals with currency.decimalPlaces.
// Errors {status, title, type}. Catalog hydration: the GraphQL Storefront API at /graphql
// (Authorization: Bearer <token>), recognising the adapter's SvHydrate query only.
import { CATALOG, findVariant, variantTitle } from './catalog.mjs';
import { addLine, cartTotal, stockFor, unitsInCart } from './util.mjs';

const COOKIE = 'SHOP_SESSION_TOKEN';
const TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';
const dollars = (cents) => cents / 100;

export function bigcommerce(ctx, st) {
  if (ctx.path === '/graphql' && ctx.method === 'POST') return graphql(ctx, st);
  const m = ctx.path.match(/^\/api\/storefront\/carts(?:\/([\w-]+))?(?:\/items(?:\/([\w-]+))?)?$/);
  if (!m) return null;
  const [, cartId, itemId] = m;
  const items = ctx.path.includes('/items');
  const fail = (status, title) => ({ status, body: { status, title, type: TYPE } });
  const sessionCart = () => st.carts[st.sessions[ctx.cookies[COOKIE]]];

  const cartJson = (cart) => ({
    id: cart.id, customerId: 0, email: '', currency: { name: 'US Dollar', code: 'USD', symbol: '$', decimalPlaces: 2 },
    isTaxIncluded: false, baseAmount: dollars(cartTotal(cart)), discountAmount: 0, cartAmount: dollars(cartTotal(cart)),
    coupons: [], discounts: [],
    lineItems: {
      physicalItems: cart.lines.map((l) => {
        const { product } = findVariant('bigcommerce', l.variantId);
        return {
          id: l.key, parentId: null, variantId: Number(l.variantId), productId: Number(product.bigcommerce.productId), sku: l.sku,
          name: l.title, url: `/${product.id}/`, quantity: l.quantity, isTaxable: true, imageUrl: '', discounts: [], discountAmount: 0,
          couponAmount: 0, listPrice: dollars(l.price), salePrice: dollars(l.price), extendedListPrice: dollars(l.price * l.quantity),
          extendedSalePrice: dollars(l.price * l.quantity), isShippingRequired: true, options: [],
        };
      }),
      digitalItems: [], giftCertificates: [], customItems: [],
    },
    createdTime: cart.createdTime, updatedTime: new Date().toISOString(), locale: 'en',
  });

  /** Adds lineItems all-or-nothing; answers an error response or undefined. */
  function addItems(cart, lineItems = []) {
    const plan = [];
    for (const li of lineItems) {
      const p = CATALOG.find((p) => p.bigcommerce.productId === String(li.productId));
      if (!p) return fail(422, `Product ${li.productId} does not exist.`);
      const variant = li.variantId ? p.variants.find((v) => v.bigcommerce === String(li.variantId)) : p.variants.length === 1 ? p.variants[0] : undefined;
      if (!variant) return fail(422, `Please choose the options of '${p.title}'.`);
      const quantity = Number(li.quantity ?? 1);
      const inCart = cart ? unitsInCart(cart, variant.bigcommerce) : 0;
      const stock = stockFor(ctx, st, variant, inCart, quantity);
      const name = variantTitle(p, variant);
      if (stock <= 0) return fail(422, `'${name}' is out of stock.`);
      if (inCart + quantity > stock) return fail(422, `Only ${Math.max(0, stock - inCart)} of '${name}' can be added to your cart. Please adjust the quantity.`);
      plan.push({ product: p, variant, variantId: variant.bigcommerce, quantity });
    }
    return plan;
  }

  const fault = (f) => (f === 'conflict'
    ? fail(409, 'The cart was changed by another request. Reload it and try again.')
    : { ...fail(429, 'Too many requests.'), headers: { 'retry-after': '1' } });

  if (ctx.method === 'GET') {
    return {
      kind: 'read',
      handle: () => {
        if (!cartId) {
          const cart = sessionCart();
          return { status: 200, body: cart ? [cartJson(cart)] : [] };
        }
        const cart = st.carts[cartId];
        return cart ? { status: 200, body: cartJson(cart) } : fail(404, 'Cart not found');
      },
    };
  }
  if (ctx.method === 'POST' && !itemId) {
    return {
      kind: 'add',
      fault,
      handle: async () => {
        let cart = cartId ? st.carts[cartId] : undefined;
        if (cartId && !cart) return fail(404, 'Cart not found');
        if (cartId && !items) return fail(405, 'Method Not Allowed');
        const plan = addItems(cart, ctx.body?.lineItems);
        if (!Array.isArray(plan)) return plan;
        if (cart) {
          // BigCommerce documents item writes as not concurrency-safe: this store reads the
          // lines, yields, then writes its copy back, so two overlapping adds lose one.
          const lines = structuredClone(cart.lines);
          await new Promise((resolve) => setTimeout(resolve, 15));
          for (const p of plan) addLine({ lines }, p, () => ctx.id('li-'));
          cart.lines = lines;
          return { status: 200, body: cartJson(cart) };
        }
        if (!cart) {
          const id = ctx.id('bc-');
          cart = st.carts[id] = { id, lines: [], attributes: {}, createdTime: new Date().toISOString() };
          const sid = ctx.cookies[COOKIE] ?? ctx.id('s');
          st.sessions[sid] = id;
          ctx.setCookie(COOKIE, sid);
        }
        for (const p of plan) addLine(cart, p, () => ctx.id('li-'));
        return { status: 200, body: cartJson(cart) };
      },
    };
  }
  if (itemId && (ctx.method === 'PUT' || ctx.method === 'DELETE')) {
    return {
      kind: 'write',
      fault,
      handle: () => {
        const cart = st.carts[cartId];
        const line = cart?.lines.find((l) => l.key === itemId);
        if (!line) return fail(404, 'Cart item not found');
        const quantity = ctx.method === 'DELETE' ? 0 : Number(ctx.body?.lineItem?.quantity ?? line.quantity);
        if (quantity <= 0) cart.lines.splice(cart.lines.indexOf(line), 1);
        else line.quantity = quantity;
        if (!cart.lines.length) {
          delete st.carts[cartId];
          return { status: 204, body: null };
        }
        return { status: 200, body: cartJson(cart) };
      },
    };
  }
  return null;
}

function graphql(ctx, st) {
  const { operationName, variables = {}, query = '' } = ctx.body ?? {};
  const op = operationName ?? query.match(/\bquery\s+(\w+)/)?.[1];
  const money = (cents) => ({ value: dollars(cents), currencyCode: 'USD' });
  return {
    kind: 'read',
    handle: () => {
      if (ctx.header('authorization') !== `Bearer ${ctx.settings.bigcommerceToken}`) {
        return { status: 401, body: { status: 401, title: 'JWT is invalid', type: TYPE } };
      }
      if (op !== 'SvHydrate') return { status: 200, body: { errors: [{ message: `The local storefront does not know the operation "${op}".` }] } };
      const products = CATALOG.filter((p) => (variables.ids ?? []).map(String).includes(p.bigcommerce.productId));
      return {
        status: 200,
        body: {
          data: {
            site: {
              products: {
                edges: products.map((p) => ({
                  node: {
                    entityId: Number(p.bigcommerce.productId), name: p.title,
                    inventory: { isInStock: p.variants.some((v) => st.stock[v.sku] > 0) },
                    prices: { price: money(p.price), basePrice: money(p.compareAtPrice ?? p.price) },
                    variants: {
                      edges: p.variants.map((v) => ({
                        node: {
                          entityId: Number(v.bigcommerce), isPurchasable: true,
                          inventory: { isInStock: st.stock[v.sku] > 0, aggregated: { availableToSell: st.stock[v.sku] } },
                          prices: { price: money(p.price) },
                        },
                      })),
                    },
                  },
                })),
              },
            },
          },
        },
      };
    },
  };
}
