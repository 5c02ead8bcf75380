/**
 * shoppable-video: the element classes and building blocks, without side effects.
 * Import `shoppable-video/define` (or load dist/cdn/shoppable-video.js) to register the tags.
 */
export { ShoppableVideoElement, parseAspectRatio } from './elements/shoppable-video.component.js';
export { DEFAULT_STRINGS, type PlayerStrings } from './elements/strings.js';
export { ShoppableElement, defineElement } from './internal/base-element.js';
export { ERROR_EVENT, type ShoppableError, type ErrorSource, type MediaErrorCode } from './internal/errors.js';
export type { Rendition, CaptionOption } from './player/pipeline.js';
export type { Engine } from './player/source.js';
export type * from './timeline/types.js';
