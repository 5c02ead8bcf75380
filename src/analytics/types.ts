/**
 * The event catalogue's detail types (docs/events.md). Every event a show dispatches on the
 * player carries {@link ShowEventBase}; nothing here is personal data: a random view id for
 * the page view, the show's and the store's own ids, prices and media time.
 */
import type { CartSummary } from '../commerce/types.js';

/** Fields every catalogue event carries (undefined where they do not apply, e.g. no product). */
export interface ShowEventBase {
  /** Random per page view, shared by every player on the page; never stored. */
  viewId: string;
  /** The player's `show-id`, else the manifest's `id`. */
  showId: string | undefined;
  productId: string | undefined;
  /** The product's title (GA4 `item_name`). */
  productName: string | undefined;
  /** The chosen variant (the card's current selection when the event has none of its own). */
  variantId: string | undefined;
  /** The variant's title, else its option values joined with ` / ` (GA4 `item_variant`). */
  variantName: string | undefined;
  /** Unit price in minor units (cents) of the variant, else the product; undefined when unknown. */
  price: number | undefined;
  /** ISO 4217 code of `price`. */
  currency: string | undefined;
  /** The cue the product was shown by, when there is one. */
  cueId: string | undefined;
  /** Seconds into the media (rounded to milliseconds); NaN before the media has a time. */
  mediaTime: number;
}

/** `sv-video-start`, `sv-video-complete` and `sv-live-join`. */
export interface VideoDetail extends ShowEventBase {
  /** Seconds; Infinity for a live stream. */
  duration: number;
  live: boolean;
}

/** `sv-video-progress`: a quartile of a video on demand was reached. */
export interface VideoProgressDetail extends VideoDetail {
  percent: 25 | 50 | 75;
}

/** `sv-product-impression`: a product's hotspot or teaser was at least half visible for a second. */
export type ProductImpressionDetail = ShowEventBase;

/** `sv-variant-change`: the shopper chose another option value on a card. */
export type VariantChangeDetail = ShowEventBase;

/** `sv-cart-add-request`: the shopper asked to add (Add to cart, or Retry). */
export interface CartAddRequestDetail extends ShowEventBase {
  quantity: number;
  retry: boolean;
}

/** `sv-cart-add`: the store confirmed the add. */
export interface CartAddSucceededDetail extends ShowEventBase {
  quantity: number;
  cart: CartSummary | undefined;
}

/** `sv-cart-error`: the add failed; `code` is a `CommerceErrorCode` (docs/checkout-adapters.md). */
export interface CartAddFailedDetail extends ShowEventBase {
  code: string;
  message: string;
}

/** `sv-checkout`: the shopper followed Checkout on a card. */
export interface CheckoutDetail extends ShowEventBase {
  url: string;
}

/** Every catalogue event by name (the sinks listen to these; `sv-error` is the shared error event). */
export const CATALOGUE = [
  'sv-video-start',
  'sv-video-progress',
  'sv-video-complete',
  'sv-live-join',
  'sv-product-impression',
  'sv-product-click',
  'sv-variant-change',
  'sv-cart-add-request',
  'sv-cart-add',
  'sv-cart-error',
  'sv-checkout',
  'sv-error',
] as const;
export type CatalogueEvent = (typeof CATALOGUE)[number];
