// Cart bookkeeping shared by the four stores. A cart is {id, lines, attributes}; a line is
// {key, variantId (the store's id), sku, title, price, quantity, properties}.
import { variantTitle } from './catalog.mjs';

/** Units the store will accept for this variant, after the sold-out / quantity-limit faults. */
export function stockFor(ctx, st, variant, inCart, requested) {
  if (ctx.fault?.fault === 'sold-out') return 0;
  if (ctx.fault?.fault === 'quantity-limit') return Math.max(0, inCart + requested - 1);
  return st.stock[variant.sku];
}

export const unitsInCart = (cart, variantId) =>
  cart.lines.filter((l) => l.variantId === variantId).reduce((n, l) => n + l.quantity, 0);

/** Adds units; the same variant with the same properties merges into one line. */
export function addLine(cart, { product, variant, variantId, quantity, properties = {} }, newKey) {
  const props = JSON.stringify(properties);
  const line = cart.lines.find((l) => l.variantId === variantId && JSON.stringify(l.properties) === props);
  if (line) {
    line.quantity += quantity;
    return line;
  }
  const created = {
    key: newKey(), variantId, sku: variant.sku, title: variantTitle(product, variant),
    productTitle: product.title, price: product.price, quantity, properties,
  };
  cart.lines.push(created);
  return created;
}

export const cartTotal = (cart) => cart.lines.reduce((n, l) => n + l.price * l.quantity, 0);
export const cartCount = (cart) => cart.lines.reduce((n, l) => n + l.quantity, 0);
