/** The overlay's public types: its per-frame input and the details of the events it emits. */
import type { ShowEventBase } from '../analytics/types.js';
import type { CartSummary } from '../commerce/types.js';
import type { Point } from '../timeline/interpolate.js';
import type { Cue } from '../timeline/types.js';

/**
 * Where the overlay reads per-frame hotspot positions from (the show model implements it).
 * The overlay subscribes itself while connected.
 */
export interface FrameSource {
  /** Media time (seconds) of the last frame; NaN before the first. */
  readonly time: number;
  /**
   * Calls `listener` on every rendered frame with the positions of the active keyframed cues
   * (fractions of the picture; the map is reused: read it during the call). Returns the
   * function that stops it.
   */
  onFrame(listener: (positions: ReadonlyMap<Cue, Point>) => void): () => void;
}

/** Where a product interaction came from. */
export type ProductClickSource = 'hotspot' | 'list' | 'card';

/** `sv-product-click` detail. Cancelable: `preventDefault()` stops the default (open the card, follow the link). */
export interface ProductClickDetail extends Partial<ShowEventBase> {
  productId: string;
  cueId: string | undefined;
  source: ProductClickSource;
}
/** `sv-card-open` / `sv-card-close` detail. */
export interface CardDetail extends Partial<ShowEventBase> {
  productId: string;
  cueId: string | undefined;
}
/** `sv-cart-add` detail: after a successful add. */
export interface CartAddDetail extends Partial<ShowEventBase> {
  productId: string;
  variantId: string | undefined;
  quantity: number;
  cueId: string | undefined;
  cart: CartSummary | undefined;
}
/** `sv-checkout` detail: the checkout URL the shopper follows, from the card of `productId`. */
export interface CheckoutDetail extends Partial<ShowEventBase> {
  url: string;
  productId: string;
  cueId: string | undefined;
}
/** `sv-cart-error` detail. */
export interface CartErrorDetail extends Partial<ShowEventBase> {
  productId: string;
  variantId: string | undefined;
  cueId: string | undefined;
  code: string;
  message: string;
}
