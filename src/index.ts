/**
 * shoppable-video: the element classes and building blocks, without side effects.
 * Import `shoppable-video/define` (or load dist/cdn/shoppable-video.js) to register the tags.
 */
export { ShoppableVideoElement, parseAspectRatio } from './elements/shoppable-video.component.js';
export { ShoppableProduct } from './elements/shoppable-product.component.js';
export type { ProductAppearance, ShowLoadDetail } from './show/show-model.js';
export { DEFAULT_STRINGS, type PlayerStrings } from './player/strings.js';
export { ShoppableElement, defineElement } from './internal/base-element.js';
export { ERROR_EVENT, type ShoppableError, type ErrorSource, type MediaErrorCode } from './internal/errors.js';
export type { Rendition, CaptionOption } from './player/pipeline.js';
export type { Engine } from './player/source.js';
export { parseShow, formatIssues, SUPPORTED_VERSION, type ManifestIssue } from './timeline/manifest.js';
export { Timeline, type PinOptions } from './timeline/timeline.js';
export { CueEngine } from './timeline/cue-engine.js';
export type * from './timeline/types.js';
export { CartFlow, type CardState, type CardStatus } from './commerce/cart-flow.js';
export type * from './events.js';
export type { CardDetail, CartAddDetail, CartErrorDetail, CheckoutDetail, ProductClickDetail, ProductClickSource, FrameSource } from './overlay/types.js';
export type { ShowEventBase, VideoDetail, VideoProgressDetail, ProductImpressionDetail, VariantChangeDetail, CartAddRequestDetail } from './analytics/types.js';
export type { AnalyticsSettings } from './analytics/settings.js';
export { DEFAULT_OVERLAY_STRINGS, type OverlayStrings } from './overlay/strings.js';
export type { StoryDetail } from './feed/stories.js';
export type { FeedStrings } from './feed/strings.js';
export type { ConsolePin, PinChangeDetail } from './live/pin-console.component.js';
export type { AddToCartDetail, AnswerableDetail, HydrateDetail } from './commerce/adapters/events.js';
export { readHtmlShow, observeHtmlShow, readProductElement, type HtmlShow, type HtmlProduct } from './timeline/html-show.js';
export { loadAdapter, ADAPTER_NAMES, type AdapterName } from './commerce/registry.js';
export { SHOW_PROPERTY, CUE_PROPERTY } from './commerce/types.js';
export type * from './commerce/types.js';
