import type HlsType from 'hls.js';

export type HlsConstructor = typeof HlsType;

let pending: Promise<HlsConstructor> | null = null;

/**
 * Loads hls.js on first use, as its own chunk. A failed load (offline, blocked chunk) is not
 * cached, so a retry can try again.
 */
export function loadHls(): Promise<HlsConstructor> {
  pending ??= import('hls.js').then(
    (m) => m.default,
    (err: unknown) => {
      pending = null;
      throw err;
    },
  );
  return pending;
}
