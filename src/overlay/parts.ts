/**
 * Every CSS part of the overlay, exported through `<shoppable-video>` so a page styles them as
 * `shoppable-video::part(card)`. The one list: the overlay's `exportparts` is built from it, and
 * a test checks that docs/overlay.md and the overlay element's `@csspart` JSDoc name each one.
 */
export const OVERLAY_PARTS = [
  'hotspot',
  'hotspot-label',
  'teaser',
  'card',
  'card-image',
  'card-title',
  'card-brand',
  'price',
  'compare-at-price',
  'availability',
  'options',
  'quantity',
  'buy-button',
  'checkout-button',
  'view-cart-button',
  'card-error',
  'retry-button',
  'card-close',
  'toolbar',
  'list-button',
  'hide-button',
  'cart-count',
  'list',
  'list-item',
] as const;

export type OverlayPart = (typeof OVERLAY_PARTS)[number];
