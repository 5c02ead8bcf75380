/**
 * One error shape for the whole package. Every failure that reaches a page is an
 * `sv-error` event whose detail is a {@link ShoppableError}.
 */
export type ErrorSource = 'media' | 'manifest' | 'commerce' | 'config' | 'live';

export type MediaErrorCode =
  | 'MEDIA_SRC_INVALID'
  | 'MEDIA_NETWORK'
  | 'MEDIA_DECODE'
  | 'MEDIA_MANIFEST_PARSE'
  | 'MEDIA_UNSUPPORTED'
  | 'MEDIA_HLS_LOAD_FAILED';

export interface ShoppableError {
  /** Where it came from. */
  source: ErrorSource;
  /** Stable, documented code to branch on. */
  code: string;
  /** A sentence for the person who can fix it (merchant, developer or shopper). */
  message: string;
  /** True when the feature stopped working (for media: playback stopped). */
  fatal: boolean;
  /** Extra facts (HTTP status, URL, hls.js details, validation issues…). */
  data?: Record<string, unknown>;
}

export const ERROR_EVENT = 'sv-error';

/**
 * The one way a failure reaches a page: one console line (`error` for fatal failures, `warn`
 * otherwise) and one `sv-error` event on `target`, bubbling and composed.
 */
export function reportError(target: EventTarget, error: ShoppableError): ShoppableError {
  const line = `[shoppable-video] ${error.code}: ${error.message}`;
  if (error.fatal) console.error(line);
  else console.warn(line);
  target.dispatchEvent(new CustomEvent<ShoppableError>(ERROR_EVENT, { bubbles: true, composed: true, detail: error }));
  return error;
}
