/**
 * Every `sv-*` event a page can listen to, by name, with its type: the one place that maps
 * event names to detail types. The maps below are merged into the DOM's own event maps, so
 *
 *     player.addEventListener('sv-cart-add', (e) => e.detail.variantId);
 *     document.addEventListener('sv-error', (e) => e.detail.code);
 *
 * type-check without a cast, and the React wrappers (`shoppable-video/react`) take their
 * `onSv…` props from them. To add an event: add its name and `CustomEvent<Detail>` to the map
 * of the element that dispatches it (the detail type lives next to the code that emits it,
 * exported from `src/index.ts`), document it with `@event` on the element class, and add it to
 * that element's list in `src/react/index.ts` (the type checker says so until you do).
 * Types only: this module has no runtime code.
 */
import type { AddToCartDetail, AnswerableDetail, HydrateDetail } from './commerce/adapters/events.js';
import type { CartSummary } from './commerce/types.js';
import type { StoryDetail } from './feed/stories.js';
import type { ShoppableError } from './internal/errors.js';
import type { PinChangeDetail } from './live/pin-console.component.js';
import type { CardDetail, CartAddDetail, CartErrorDetail, CheckoutDetail, ProductClickDetail } from './overlay/types.js';
import type { ProductAppearance, ShowLoadDetail } from './show/show-model.js';
import type { CartAddRequestDetail, ProductImpressionDetail, VariantChangeDetail, VideoDetail, VideoProgressDetail } from './analytics/types.js';

/** Events of `<shoppable-video>`: its own, its overlay's (they cross its shadow root) and its checkout's. */
export interface ShoppableVideoEventMap {
  /** A failure (docs/errors.md). */
  'sv-error': CustomEvent<ShoppableError>;
  /** A manifest was applied (`show` is null when it was refused). */
  'sv-show-load': CustomEvent<ShowLoadDetail>;
  /** A product's appearance starts at the frame shown (an impression). */
  'sv-product-appear': CustomEvent<ProductAppearance>;
  /** A product's appearance ends. */
  'sv-product-disappear': CustomEvent<ProductAppearance>;
  /** A hotspot, teaser, list item or card link. Cancelable. */
  'sv-product-click': CustomEvent<ProductClickDetail>;
  'sv-card-open': CustomEvent<CardDetail>;
  'sv-card-close': CustomEvent<CardDetail>;
  /** After a successful add to the cart. */
  'sv-cart-add': CustomEvent<CartAddDetail>;
  /** After a failed add to the cart. */
  'sv-cart-error': CustomEvent<CartErrorDetail>;
  /** The shopper follows Checkout. */
  'sv-checkout': CustomEvent<CheckoutDetail>;
  /** Playback of a video on demand first started. */
  'sv-video-start': CustomEvent<VideoDetail>;
  /** A quartile (25, 50, 75 %) of a video on demand was reached. */
  'sv-video-progress': CustomEvent<VideoProgressDetail>;
  /** A video on demand played to its end. */
  'sv-video-complete': CustomEvent<VideoDetail>;
  /** Playback of a live stream first started. */
  'sv-live-join': CustomEvent<VideoDetail>;
  /** A product's hotspot or teaser was at least 50 % in view for 1 s (once per cue). */
  'sv-product-impression': CustomEvent<ProductImpressionDetail>;
  /** The shopper chose another option value. */
  'sv-variant-change': CustomEvent<VariantChangeDetail>;
  /** Add to cart (or Retry) was pressed. */
  'sv-cart-add-request': CustomEvent<CartAddRequestDetail>;
  /** `checkout="events"`: add lines to the page's cart; answer with `detail.respondWith()`. */
  'sv-add-to-cart': CustomEvent<AddToCartDetail>;
  /** `checkout="events"`: read the page's cart; answer with `detail.respondWith()`. */
  'sv-get-cart': CustomEvent<AnswerableDetail<CartSummary>>;
  /** `checkout="events"`: live price and stock for the show's products. */
  'sv-hydrate': CustomEvent<HydrateDetail>;
  /** `checkout="events"`: open the page's cart (cancelable: `preventDefault()` keeps `cart-url` closed). */
  'sv-open-cart': CustomEvent<Record<string, never>>;
}

/** Events of `<shoppable-feed>`: its own and those of the players inside it. */
export interface ShoppableFeedEventMap extends ShoppableVideoEventMap {
  /** The viewer opened, or moved to another story. */
  'sv-story-open': CustomEvent<StoryDetail>;
  /** The viewer closed. */
  'sv-story-close': CustomEvent<StoryDetail>;
}

/** Events of `<shoppable-pin-console>`. */
export interface ShoppablePinConsoleEventMap {
  'sv-error': CustomEvent<ShoppableError>;
  /** The console pinned or unpinned a product. */
  'sv-pin-change': CustomEvent<PinChangeDetail>;
}

/** Every `sv-*` event: all bubble and are composed, so each reaches `document` and `window`. */
export interface ShoppableEventMap extends ShoppableFeedEventMap, ShoppablePinConsoleEventMap {}

declare global {
  interface HTMLElementEventMap extends ShoppableEventMap {}
  interface DocumentEventMap extends ShoppableEventMap {}
  interface WindowEventMap extends ShoppableEventMap {}
}
