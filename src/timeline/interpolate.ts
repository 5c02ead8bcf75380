import type { Cue } from './types.js';

/** A hotspot position: fractions of the video frame (x from the left, y from the top). */
export interface Point {
  x: number;
  y: number;
}

/**
 * Where a cue's hotspot is at media time `t`: linear between keyframes (sorted by `t`),
 * clamped to the first and last keyframe outside them; the static `x`/`y` without keyframes;
 * undefined when the cue has no position. With two keyframes at the same time the later one
 * applies from that time on (a jump).
 */
export function positionAt(cue: Pick<Cue, 'x' | 'y' | 'keyframes'>, t: number): Point | undefined {
  const k = cue.keyframes;
  if (!k?.length) return cue.x === undefined || cue.y === undefined ? undefined : { x: cue.x, y: cue.y };
  const last = k[k.length - 1];
  if (t < k[0].t) return { x: k[0].x, y: k[0].y };
  if (t >= last.t) return { x: last.x, y: last.y };
  // Invariant: k[lo].t <= t < k[hi].t.
  let lo = 0;
  let hi = k.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (k[mid].t <= t) lo = mid;
    else hi = mid;
  }
  const a = k[lo];
  const b = k[hi];
  const f = (t - a.t) / (b.t - a.t);
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
}
