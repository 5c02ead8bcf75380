/** How a source will be played. */
export type Engine = 'hls.js' | 'native-hls' | 'file';

/** Media Source Extensions, including Safari 17's ManagedMediaSource (iOS). */
export function hasMediaSource(): boolean {
  const w = globalThis as { MediaSource?: unknown; ManagedMediaSource?: unknown };
  return typeof w.MediaSource === 'function' || typeof w.ManagedMediaSource === 'function';
}

/** True for an HLS playlist URL (by extension, ignoring query and hash), or an explicit type. */
export function isHls(src: string, type?: string | null): boolean {
  if (type) return /mpegurl/i.test(type);
  const path = src.split(/[?#]/, 1)[0] ?? '';
  return /\.m3u8$/i.test(path);
}

/**
 * Picks the playback engine. hls.js wherever Media Source Extensions exist (Chrome, Edge,
 * Firefox, desktop Safari, iPadOS/iOS 17.1+ via ManagedMediaSource); native HLS only where
 * they do not (older iOS). Never decided by canPlayType: Chromium answers "maybe" for HLS.
 */
export function chooseEngine(src: string, type?: string | null): Engine {
  if (!isHls(src, type)) return 'file';
  return hasMediaSource() ? 'hls.js' : 'native-hls';
}

/**
 * Resolves and checks a `src`. Returns the absolute URL, or an error message a merchant can
 * act on. Only http(s), blob and same-document relative URLs are accepted.
 */
export function resolveSrc(src: string, base: string): { url: string } | { error: string } {
  const trimmed = src.trim();
  if (!trimmed) return { error: 'The src attribute is empty: set it to the URL of an HLS playlist (.m3u8) or an MP4 file.' };
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return { error: `The src "${truncate(trimmed)}" is not a valid URL.` };
  }
  if (!/^(https?|blob):$/.test(url.protocol)) {
    return { error: `The src "${truncate(trimmed)}" uses ${url.protocol} — only http(s) URLs can be played.` };
  }
  return { url: url.href };
}

export function truncate(s: string, n = 80): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * `t` inside what may be seeked: for a live stream its DVR window (`windowStart`, the playlist's
 * first segment, up to the live edge) — the browser's seekable range alone would also allow the
 * back buffer from before the window (MSE: live seekable range ∪ buffered) — else the seekable range.
 */
export function clampSeek(video: HTMLVideoElement, t: number, windowStart?: number): number {
  const s = video.seekable;
  const end = s.length ? s.end(s.length - 1) : Number.isFinite(video.duration) ? video.duration : Infinity;
  return Math.max(windowStart ?? (s.length ? s.start(0) : 0), Math.min(end, t));
}
