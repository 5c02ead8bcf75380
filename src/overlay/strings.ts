/**
 * Every string the overlay shows or announces. Replace any of them through the player's
 * overlay strings; `{name}` placeholders are filled in.
 */
export const DEFAULT_OVERLAY_STRINGS = {
  /** Hotspot button; `{title}` is the product title. */
  hotspot: 'Show {title}',
  /** Teaser button for a product without a position. */
  teaser: 'Show {title}',
  close: 'Close',
  addToCart: 'Add to cart',
  adding: 'Adding…',
  added: 'Added',
  soldOut: 'Sold out',
  unavailable: 'Unavailable',
  viewProduct: 'View product',
  checkout: 'Checkout',
  viewCart: 'View cart',
  retryAdd: 'Retry',
  /** Shown when an add's answer was lost and the cart cannot tell whether it landed. */
  mayHaveBeenAdded: 'May have been added — check your cart',
  inStock: 'In stock',
  /** `{count}` units left, shown when the store reports few (5 or fewer). */
  fewLeft: 'Only {count} left',
  /** Screen-reader prefix of the struck-through price. */
  wasPrice: 'Was',
  /** Screen-reader prefix of the current price when there is a compare-at price. */
  nowPrice: 'Now',
  quantity: 'Quantity',
  decrease: 'Decrease quantity',
  increase: 'Increase quantity',
  products: 'Products',
  /** Name of the product list panel. */
  productList: 'Products in this video',
  onScreen: 'On screen now',
  hideProducts: 'Hide products',
  showProducts: 'Show products',
  /** Cart badge, for screen readers; `{count}` items. */
  cartCount: '{count} in cart',
  /** Polite announcement of products that appeared; `{titles}` joined by ", ". */
  announceNew: 'Now showing: {titles}',
  /** Announced after a successful add; `{title}` and `{quantity}`. */
  announceAdded: 'Added {quantity} × {title} to the cart',
  /** Shown with a failure when the store gave no message. */
  genericError: 'Could not add to the cart.',
};

export type OverlayStrings = typeof DEFAULT_OVERLAY_STRINGS;

export { fill } from '../internal/text.js';
