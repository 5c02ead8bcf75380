/**
 * The show model: a video, its products, and a timeline of when and where each product
 * appears. Money is an integer in minor units (cents) with an ISO 4217 currency code.
 * Times are seconds of media time. Positions are fractions of the video frame (0..1,
 * x from the left, y from the top).
 */

/** References to the product in the merchant's store, used by the checkout adapters. */
export interface MerchantRefs {
  shopifyProductId?: string;
  shopifyVariantId?: string;
  shopifyHandle?: string;
  wooProductId?: string;
  wooVariationId?: string;
  bigcommerceProductId?: string;
  bigcommerceVariantId?: string;
  sku?: string;
}

export interface ProductOption {
  /** Axis name, e.g. "Size". */
  name: string;
  /** Allowed values, in display order. */
  values: string[];
}

export interface Variant {
  id: string;
  title?: string;
  /** One value per product option axis, in the product's option order. */
  options: string[];
  price?: number;
  compareAtPrice?: number;
  available?: boolean;
  /** Units in stock, when the store says. */
  inventory?: number;
  image?: string;
  refs?: MerchantRefs;
}

export interface Product {
  id: string;
  title: string;
  brand?: string;
  description?: string;
  image?: string;
  url?: string;
  /** Minor units. */
  price?: number;
  compareAtPrice?: number;
  /** ISO 4217; defaults to the show's currency. */
  currency?: string;
  available?: boolean;
  options?: ProductOption[];
  variants?: Variant[];
  refs?: MerchantRefs;
}

export interface Keyframe {
  /** Media time in seconds. */
  t: number;
  x: number;
  y: number;
}

/** Where a cue came from; every source feeds the same timeline. */
export type CueSource = 'manifest' | 'html' | 'api' | 'daterange' | 'id3';

export interface Cue {
  id: string;
  productId: string;
  start: number;
  /** Exclusive; Infinity for "until unpinned" (live). */
  end: number;
  /** Static hotspot position (fractions of the frame). */
  x?: number;
  y?: number;
  /** Keyframed hotspot path; overrides x/y. Sorted by t. */
  keyframes?: Keyframe[];
  label?: string;
  source?: CueSource;
}

export interface Chapter {
  title: string;
  start: number;
}

export interface CaptionTrack {
  src: string;
  srclang: string;
  label?: string;
  default?: boolean;
}

export interface ShowVideo {
  src: string;
  poster?: string;
  captions?: CaptionTrack[];
}

export interface Show {
  version: string;
  id?: string;
  title?: string;
  /** Default ISO 4217 currency for products that do not name one. */
  currency?: string;
  video?: ShowVideo;
  products: Product[];
  cues: Cue[];
  chapters?: Chapter[];
}
