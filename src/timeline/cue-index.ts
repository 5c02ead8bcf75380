import type { Cue } from './types.js';

/** What changed between two instants: cues to exit (ordered by end) and to enter (by start). */
export interface CueChanges {
  entered: Cue[];
  exited: Cue[];
}

/** Number of values in the sorted array `a` that are <= t. */
function countUpTo(a: Float64Array, t: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A static index of cues over half-open intervals [start, end). Point queries use the cues
 * sorted by start plus a max-end segment tree: O(log n + k log n) for k active cues.
 * {@link CueIndex.changes} answers "what entered and exited between two instants" from two
 * sorted boundary arrays in O(log n + boundaries crossed), which is the per-frame path.
 * Build: O(n log n). Rebuild it when the cues change.
 */
export class CueIndex {
  /** The cues, sorted by start (stable: equal starts keep their input order). */
  readonly cues: readonly Cue[];
  private readonly starts: Float64Array;
  private readonly byEnd: readonly Cue[];
  private readonly ends: Float64Array;
  /** Segment tree over `cues` positions: node i covers its leaves; leaves start at `leaves`. */
  private readonly maxEnd: Float64Array;
  private readonly leaves: number;

  constructor(cues: readonly Cue[]) {
    this.cues = [...cues].sort((a, b) => a.start - b.start);
    this.byEnd = [...cues].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
    this.starts = Float64Array.from(this.cues, (c) => c.start);
    this.ends = Float64Array.from(this.byEnd, (c) => c.end);
    let leaves = 1;
    while (leaves < cues.length) leaves *= 2;
    this.leaves = leaves;
    const tree = new Float64Array(2 * leaves).fill(-Infinity);
    this.cues.forEach((c, i) => (tree[leaves + i] = c.end));
    for (let i = leaves - 1; i > 0; i--) tree[i] = Math.max(tree[2 * i], tree[2 * i + 1]);
    this.maxEnd = tree;
  }

  /** The cues active at `t` (start <= t < end), ordered by start. */
  activeAt(t: number): Cue[] {
    const out: Cue[] = [];
    this.collect(1, 0, this.leaves, countUpTo(this.starts, t), t, out);
    return out;
  }

  /**
   * The difference between `activeAt(from)` and `activeAt(to)`, in either direction. A cue
   * that is active at neither instant (skipped over) is in neither list.
   */
  changes(from: number, to: number): CueChanges {
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    // Cues starting in (lo, hi] and still running at hi are active at hi only;
    // cues ending in (lo, hi] that had started by lo are active at lo only.
    const atHi: Cue[] = [];
    const atLo: Cue[] = [];
    for (let i = countUpTo(this.starts, lo), n = countUpTo(this.starts, hi); i < n; i++) {
      if (this.cues[i].end > hi) atHi.push(this.cues[i]);
    }
    for (let i = countUpTo(this.ends, lo), n = countUpTo(this.ends, hi); i < n; i++) {
      if (this.byEnd[i].start <= lo) atLo.push(this.byEnd[i]);
    }
    return to >= from ? { entered: atHi, exited: atLo } : { entered: atLo, exited: atHi };
  }

  /** Collects leaves in [lo, hi) under `node` with position < k (start <= t) and end > t. */
  private collect(node: number, lo: number, hi: number, k: number, t: number, out: Cue[]): void {
    if (lo >= k || this.maxEnd[node] <= t) return;
    if (node >= this.leaves) {
      out.push(this.cues[lo]);
      return;
    }
    const mid = (lo + hi) >> 1;
    this.collect(2 * node, lo, mid, k, t, out);
    this.collect(2 * node + 1, mid, hi, k, t, out);
  }
}
