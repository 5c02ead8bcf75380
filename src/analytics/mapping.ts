/**
 * The catalogue in each sink's vocabulary (sinks chunk): GA4 ecommerce and video event names
 * and item schema for the GTM dataLayer, the Segment spec's names for `analytics.track`.
 * Prices travel in minor units in the DOM events and in major units here (GA4, Segment).
 */
import type { ShowEventBase } from './types.js';

export type AnyDetail = Partial<ShowEventBase> & Record<string, unknown>;

const digits = new Map<string, number>();
/** Minor units → major units of `currency` (2 decimals when the currency is unknown). */
export function major(minor: number | undefined, currency: string | undefined): number | undefined {
  if (typeof minor !== 'number' || !Number.isFinite(minor)) return undefined;
  const code = currency ?? '';
  if (!digits.has(code)) {
    let n = 2;
    try {
      n = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      // not an ISO 4217 code: keep 2
    }
    digits.set(code, n);
  }
  return minor / 10 ** digits.get(code)!;
}

const quantityOf = (d: AnyDetail) => (typeof d.quantity === 'number' ? d.quantity : 1);

/** A GA4 `items[]` entry. */
export function ga4Item(d: AnyDetail) {
  return defined({ item_id: d.productId, item_name: d.productName, item_variant: d.variantName ?? d.variantId, price: major(d.price, d.currency), quantity: quantityOf(d) });
}

const GA4_ECOMMERCE: Record<string, string> = {
  'sv-product-impression': 'view_item',
  'sv-product-click': 'select_item',
  'sv-cart-add': 'add_to_cart',
  'sv-checkout': 'begin_checkout',
};
const GA4_OTHER: Record<string, string> = {
  'sv-video-start': 'video_start',
  'sv-video-progress': 'video_progress',
  'sv-video-complete': 'video_complete',
  'sv-live-join': 'sv_live_join',
  'sv-variant-change': 'sv_variant_change',
  'sv-cart-add-request': 'sv_add_to_cart_request',
  'sv-cart-error': 'sv_add_to_cart_error',
  'sv-error': 'sv_error',
};

/** The dataLayer pushes for one event: `{ecommerce: null}` first for ecommerce events (GTM's advice). */
export function toDataLayer(type: string, d: AnyDetail): object[] {
  const common = defined({ sv_show_id: d.showId, sv_view_id: d.viewId, sv_cue_id: d.cueId, sv_media_time: finite(d.mediaTime) });
  const ecommerce = GA4_ECOMMERCE[type];
  if (ecommerce) {
    const item = ga4Item(d);
    const value = item.price === undefined ? undefined : item.price * item.quantity;
    const list = type === 'sv-product-click' ? { item_list_id: d.showId, item_list_name: 'shoppable-video' } : {};
    const extra = type === 'sv-product-click' ? { sv_source: d.source } : {};
    return [{ ecommerce: null }, { event: ecommerce, ...common, ...extra, ecommerce: defined({ currency: d.currency, value, ...list, items: [item] }) }];
  }
  const name = GA4_OTHER[type];
  if (!name) return [];
  if (type.startsWith('sv-video') || type === 'sv-live-join') {
    return [{ event: name, ...common, ...defined({ video_provider: 'shoppable-video', video_title: d.showId, video_current_time: finite(d.mediaTime), video_duration: finite(d.duration), video_percent: d.percent ?? (type === 'sv-video-complete' ? 100 : undefined) }) }];
  }
  return [{ event: name, ...common, ...defined({ item_id: d.productId, item_variant: d.variantName ?? d.variantId, quantity: d.quantity, error_code: d.code, error_source: d.errorSource }) }];
}

const SEGMENT: Record<string, string> = {
  'sv-video-start': 'Video Playback Started',
  'sv-video-progress': 'Video Content Playing',
  'sv-video-complete': 'Video Playback Completed',
  'sv-live-join': 'Video Playback Started',
  'sv-product-impression': 'Product Viewed',
  'sv-product-click': 'Product Clicked',
  'sv-variant-change': 'Product Variant Changed',
  'sv-cart-add-request': 'Product Add Requested',
  'sv-cart-add': 'Product Added',
  'sv-cart-error': 'Product Add Failed',
  'sv-checkout': 'Checkout Started',
  'sv-error': 'Shoppable Video Error',
};

/** `analytics.track(name, properties)` arguments (Segment's e-commerce and video spec names where they exist). */
export function toSegment(type: string, d: AnyDetail): [string, object] | null {
  const name = SEGMENT[type];
  if (!name) return null;
  return [
    name,
    defined({
      product_id: d.productId, name: d.productName, variant: d.variantName ?? d.variantId, price: major(d.price, d.currency), currency: d.currency,
      quantity: d.quantity, show_id: d.showId, view_id: d.viewId, cue_id: d.cueId, position: finite(d.mediaTime), total_length: finite(d.duration),
      livestream: d.live, percent: d.percent, source: d.source, error_code: d.code,
    }),
  ];
}

/** What any sink may receive of a detail: no cart contents, numbers that JSON can carry. */
export function payload(type: string, d: AnyDetail): Record<string, unknown> {
  const { cart: _cart, data: _data, ...rest } = d;
  for (const [k, v] of Object.entries(rest)) if (typeof v === 'number' && !Number.isFinite(v)) rest[k] = v > 0 ? 'Infinity' : null;
  return defined({ type, ...rest });
}

const finite = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);

function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
