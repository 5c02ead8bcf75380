/** Every string the player shows or announces. Replace any of them with the `strings` property. */
export const DEFAULT_STRINGS = {
  player: 'Video player',
  play: 'Play',
  pause: 'Pause',
  playVideo: 'Play video',
  mute: 'Mute',
  unmute: 'Unmute',
  volume: 'Volume',
  seek: 'Seek',
  /** `{current}` and `{duration}` are replaced. */
  timeOf: '{current} of {duration}',
  live: 'Live',
  /** Shown when a live stream plays behind its live edge. */
  goLive: 'Go to live',
  captions: 'Captions',
  captionsOff: 'Off',
  quality: 'Quality',
  qualityAuto: 'Auto',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  pip: 'Picture in picture',
  exitPip: 'Exit picture in picture',
  errorTitle: 'This video can’t be played right now.',
  retry: 'Try again',
  loading: 'Loading',
  productMoments: 'Products in this video',
  /** `{title}` and `{time}` are replaced. */
  jumpTo: '{title} at {time}',
};

export type PlayerStrings = typeof DEFAULT_STRINGS;

export { fill } from '../internal/text.js';

/** 0:05, 1:02:03 */
export function formatTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) seconds = 0;
  const s = Math.floor(seconds % 60);
  const m = Math.floor(seconds / 60) % 60;
  const h = Math.floor(seconds / 3600);
  const ss = String(s).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
