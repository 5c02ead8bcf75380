/**
 * Requests flow up, state flows down: controls and the overlay never call the player. They
 * dispatch a composed `sv-media-request` event, and the player turns each request into media
 * calls in one place (`<shoppable-video>` handles them on its frame and stops them there).
 */
export const MEDIA_REQUEST = 'sv-media-request';

export type MediaRequest =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'toggle-play' }
  /** Media time in seconds. */
  | { type: 'seek'; time: number }
  /** Seconds forward (negative: back), clamped to the seekable range. */
  | { type: 'seek-by'; delta: number }
  /** 0…1; unmutes when above 0, mutes at 0. */
  | { type: 'volume'; volume: number }
  /** Volume up or down by `delta`; turning it up unmutes. */
  | { type: 'volume-by'; delta: number }
  | { type: 'toggle-mute' }
  | { type: 'toggle-fullscreen' }
  | { type: 'toggle-pip' }
  /** Caption track index, -1 for off. */
  | { type: 'captions'; index: number }
  | { type: 'toggle-captions' }
  /** Rendition index, -1 for automatic. */
  | { type: 'rendition'; index: number }
  | { type: 'retry' };

/** Sends a request from `from` up to the player that contains it. */
export function requestMedia(from: EventTarget, request: MediaRequest): void {
  from.dispatchEvent(new CustomEvent<MediaRequest>(MEDIA_REQUEST, { bubbles: true, composed: true, detail: request }));
}
