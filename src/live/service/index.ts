/** The pin service, runtime-neutral part (`shoppable-video/pin-service`). Node: `./node.js`; Cloudflare: `./cloudflare.js`. */
export { createPinService } from './handler.js';
export type { PinServiceOptions, PinServiceHandler, RateLimit, ErrorCode } from './handler.js';
export { MemoryPinStore, pinOps } from './store.js';
export type { PinStore, AddResult } from './store.js';
export type { Pin } from './pins.js';
export { isLive, pinEndsAt, endPin } from './pins.js';
export { pinTags, pinsToTags, scanPlaylist, insertTags, PIN_CLASS, STOCK_CLASS } from './wire.js';
export type { PlaylistScan } from './wire.js';
export { checkPinInput, ID_PATTERN, MAX_LABEL, MAX_DURATION } from './validate.js';
export type { PinInput } from './validate.js';
export { consolePage } from './console-page.js';
export type { ConsolePageOptions } from './console-page.js';
