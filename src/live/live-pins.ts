/**
 * In-band pins of one player's show (part of the lazy show chunk): listens for the pipeline's
 * `sv-metadata` events on the `<video>`, and, once the stream carries pins (a DATERANGE of the
 * pin or stock class, an ID3 sample, a metadata cue), loads the parser (`pins.ts`, its own lazy
 * chunk: a recorded show without pins never downloads it), keeps a {@link PinTrack}, feeds the
 * timeline sources `daterange` and `id3`, and lays live stock/price (as of the frame playing
 * now) over the products the overlay renders — no request to the store.
 */
import type { ShoppableError } from '../internal/errors.js';
import type { Timeline } from '../timeline/timeline.js';
import type { Product } from '../timeline/types.js';
import type { LiveStock, MediaMetadata, PinTrack } from './pins.js';

type PinsModule = typeof import('./pins.js');

export interface LivePinsOptions {
  /** Whether the show has this product; undefined while its manifest is loading. */
  knows(productId: string): boolean | undefined;
  onError(error: ShoppableError): void;
  /** Live stock or price changed: products should be read again. */
  onStock(): void;
}

/** Metadata kept while the parser chunk downloads (the last playlist, recent ID3 samples). */
const MAX_PENDING = 64;

export class LivePins {
  track: PinTrack | null = null;
  private mod: PinsModule | null = null;
  private loading = false;
  private pending: MediaMetadata[] = [];
  private video: HTMLVideoElement | null = null;
  private version = 0;
  private stockKey = '';
  private stock = new Map<string, LiveStock>();
  private merged: { base: ReadonlyMap<string, Product>; stock: Map<string, LiveStock>; value: ReadonlyMap<string, Product> } | null = null;

  constructor(
    private readonly timeline: Timeline,
    private readonly options: LivePinsOptions,
  ) {}

  attach(video: HTMLVideoElement | null): void {
    if (video === this.video) return;
    this.detach();
    this.video = video;
    video?.addEventListener('sv-metadata', this.onMetadata);
    for (const type of ['timeupdate', 'seeked']) video?.addEventListener(type, this.onTime);
    video?.dispatchEvent(new Event('sv-metadata-request')); // what the pipeline saw before this chunk loaded
  }

  detach(): void {
    this.video?.removeEventListener('sv-metadata', this.onMetadata);
    for (const type of ['timeupdate', 'seeked']) this.video?.removeEventListener(type, this.onTime);
    this.video = null;
  }

  /** The show's products changed (e.g. its manifest loaded): unknown products are reported now. */
  productsChanged(): void {
    this.track?.checkProducts();
    this.publish();
  }

  /** `base` with live stock and price on top; the same map until either changes. */
  products(base: ReadonlyMap<string, Product>): ReadonlyMap<string, Product> {
    const mod = this.mod;
    if (!this.stock.size || !mod) return base;
    const m = this.merged;
    if (m?.base === base && m.stock === this.stock) return m.value;
    const value = new Map<string, Product>();
    for (const [id, p] of base) value.set(id, mod.withStock(p, this.stock.get(id)));
    this.merged = { base, stock: this.stock, value };
    return value;
  }

  private readonly onMetadata = (e: Event): void => {
    const m = (e as CustomEvent<MediaMetadata>).detail;
    if (!this.track) return this.defer(m);
    this.apply(m);
  };

  private apply(m: MediaMetadata): void {
    const track = this.track!;
    if (m.type === 'dateranges') track.dateRanges(m.ranges, m.anchors, m.window, this.video?.currentTime);
    else if (m.type === 'id3') track.id3(m.samples);
    else track.metadataCues(m.cues, m.window);
    this.publish();
    this.onTime();
  }

  /** Before the parser is loaded: keep what matters, and load it once the stream has pins. */
  private defer(m: MediaMetadata): void {
    const pins = m.type === 'dateranges' ? m.ranges.some((r) => /^com\.shoppable-video\./.test(r.attrs['CLASS'] ?? '')) : m.type === 'id3' ? m.samples.length > 0 : m.cues.length > 0;
    if (m.type === 'dateranges') this.pending = [m, ...this.pending.filter((p) => p.type !== 'dateranges')];
    else if (pins) this.pending.push(m);
    if (this.pending.length > MAX_PENDING) this.pending.splice(1, 1);
    if (!pins || this.loading) return;
    this.loading = true;
    import('./pins.js').then(
      (mod) => {
        this.mod = mod;
        this.track = new mod.PinTrack({ knows: this.options.knows, onIssue: this.options.onError });
        const pending = this.pending;
        this.pending = [];
        for (const p of pending) this.apply(p);
      },
      (err: unknown) => {
        this.loading = false; // the next playlist tries again
        this.options.onError({ source: 'config', code: 'LIVE_PINS_LOAD_FAILED', message: `The live pins module could not be downloaded (${String(err)}). The video still plays.`, fatal: false });
      },
    );
  }

  private publish(): void {
    const track = this.track;
    if (!track || track.version === this.version) return;
    this.version = track.version;
    this.timeline.setSource('daterange', track.cues('daterange'));
    this.timeline.setSource('id3', track.cues('id3'));
  }

  private readonly onTime = (): void => {
    const track = this.track;
    if (!track) return;
    const t = this.video?.currentTime ?? 0;
    const key = `${track.stockVersion}:${track.stockCountAt(t)}`;
    if (key === this.stockKey) return;
    this.stockKey = key;
    this.stock = track.stockAt(t);
    this.options.onStock();
  };
}
