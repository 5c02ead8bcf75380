import { formatIssues, readCue, type ManifestIssue } from './manifest.js';
import type { Cue, CueSource, Keyframe, Product } from './types.js';

/** Options of {@link Timeline.pin}. */
export interface PinOptions {
  /** Seconds of media time; default 0. */
  start?: number;
  /** Exclusive; default Infinity (until unpinned). */
  end?: number;
  x?: number;
  y?: number;
  keyframes?: Keyframe[];
  label?: string;
}

/**
 * Precedence, lowest first: cues are listed in this order, and for a product declared by
 * several sources, each field comes from the last source that sets it (the page, `html` and
 * `api`, overrides files, `manifest` and in-stream metadata).
 */
export const SOURCE_ORDER: readonly CueSource[] = ['manifest', 'daterange', 'id3', 'html', 'api'];

interface SourceData {
  cues: Cue[];
  products: readonly Product[];
}

/**
 * One timeline fed by named sources (manifest, HTML children, the programmatic API, and later
 * in-stream metadata). Each source is replaced as a whole with {@link Timeline.setSource}.
 * Cue ids are unique within a source; a cue is kept on the timeline only while some source
 * declares its product, so a pin or an HTML appearance may name a product from the manifest.
 * An unchanged cue keeps its object identity across updates, so the engine does not re-fire it.
 */
export class Timeline {
  private readonly sources = new Map<CueSource, SourceData>();
  private merged?: { cues: Cue[]; products: Map<string, Product> };
  private pins = 0;

  /** @param onChange called after every change, with the timeline. */
  constructor(private readonly onChange?: (timeline: Timeline) => void) {}

  /**
   * Replaces the cues (stamped with `source`) that come from `source`, and its products unless
   * `products` is omitted (then the source keeps the ones it had).
   */
  setSource(source: CueSource, cues: readonly Cue[], products?: readonly Product[]): void {
    const before = new Map(this.sources.get(source)?.cues.map((c) => [c.id, c]));
    const stamped = cues.map((cue) => {
      const next = { ...cue, source };
      const old = before.get(cue.id);
      return old && JSON.stringify(old) === JSON.stringify(next) ? old : next;
    });
    this.sources.set(source, { cues: stamped, products: products ?? this.sources.get(source)?.products ?? [] });
    this.merged = undefined;
    this.onChange?.(this);
  }

  /** Every product, merged across sources by id (see {@link SOURCE_ORDER}). */
  get products(): ReadonlyMap<string, Product> {
    return this.merge().products;
  }

  /** Every cue whose product is known, by source in {@link SOURCE_ORDER}. */
  get cues(): readonly Cue[] {
    return this.merge().cues;
  }

  /**
   * Pins a product on the timeline (source `api`); returns the new cue's id.
   * @throws TypeError when the options are invalid (e.g. end before start).
   */
  pin(productId: string, options: PinOptions = {}): string {
    const issues: ManifestIssue[] = [];
    const cue = readCue()({ start: 0, ...options, productId, id: `pin-${++this.pins}` }, '', issues);
    if (!cue) throw new TypeError(`pin("${productId}"): ${formatIssues(issues)}`);
    this.setSource('api', [...(this.sources.get('api')?.cues ?? []), cue]);
    return cue.id;
  }

  /** Removes the pin with this cue id, or every pin of this product id. Returns whether any was removed. */
  unpin(productIdOrCueId: string): boolean {
    const pins = this.sources.get('api')?.cues ?? [];
    const kept = pins.filter((c) => c.id !== productIdOrCueId && c.productId !== productIdOrCueId);
    if (kept.length === pins.length) return false;
    this.setSource('api', kept);
    return true;
  }

  private merge(): { cues: Cue[]; products: Map<string, Product> } {
    if (this.merged) return this.merged;
    const products = new Map<string, Product>();
    const ordered = SOURCE_ORDER.flatMap((s) => this.sources.get(s) ?? []);
    for (const { products: list } of ordered) {
      for (const p of list) {
        const prev = products.get(p.id);
        products.set(p.id, prev?.refs && p.refs ? { ...prev, ...p, refs: { ...prev.refs, ...p.refs } } : { ...prev, ...p });
      }
    }
    const cues = ordered.flatMap((s) => s.cues).filter((c) => products.has(c.productId));
    return (this.merged = { cues, products });
  }
}
