/**
 * In-band pins of one player's show (part of the lazy show chunk): listens for the pipeline's
 * `sv-metadata` events on the `<video>`, keeps a {@link PinTrack}, feeds the timeline sources
 * `daterange` and `id3`, and lays live stock/price (as of the frame playing now) over the
 * products the overlay renders — no request to the store.
 */
import type { ShoppableError } from '../internal/errors.js';
import type { Timeline } from '../timeline/timeline.js';
import type { Product } from '../timeline/types.js';
import { METADATA_EVENT, PinTrack, withStock, type LiveStock, type MediaMetadata } from './pins.js';

export interface LivePinsOptions {
  /** Whether the show has this product; undefined while its manifest is loading. */
  knows(productId: string): boolean | undefined;
  onError(error: ShoppableError): void;
  /** Live stock or price changed: products should be read again. */
  onStock(): void;
}

export class LivePins {
  readonly track: PinTrack;
  private video: HTMLVideoElement | null = null;
  private version = 0;
  private stockKey = '';
  private stock = new Map<string, LiveStock>();
  private merged: { base: ReadonlyMap<string, Product>; stock: Map<string, LiveStock>; value: ReadonlyMap<string, Product> } | null = null;

  constructor(
    private readonly timeline: Timeline,
    private readonly options: LivePinsOptions,
  ) {
    this.track = new PinTrack({ knows: options.knows, onIssue: options.onError });
  }

  attach(video: HTMLVideoElement | null): void {
    if (video === this.video) return;
    this.detach();
    this.video = video;
    video?.addEventListener(METADATA_EVENT, this.onMetadata);
    for (const type of ['timeupdate', 'seeked']) video?.addEventListener(type, this.onTime);
    video?.dispatchEvent(new Event('sv-metadata-request')); // what the pipeline saw before this chunk loaded
  }

  detach(): void {
    this.video?.removeEventListener(METADATA_EVENT, this.onMetadata);
    for (const type of ['timeupdate', 'seeked']) this.video?.removeEventListener(type, this.onTime);
    this.video = null;
  }

  /** The show's products changed (e.g. its manifest loaded): unknown products are reported now. */
  productsChanged(): void {
    this.track.checkProducts();
    this.publish();
  }

  /** `base` with live stock and price on top; the same map until either changes. */
  products(base: ReadonlyMap<string, Product>): ReadonlyMap<string, Product> {
    if (!this.stock.size) return base;
    const m = this.merged;
    if (m?.base === base && m.stock === this.stock) return m.value;
    const value = new Map<string, Product>();
    for (const [id, p] of base) value.set(id, withStock(p, this.stock.get(id)));
    this.merged = { base, stock: this.stock, value };
    return value;
  }

  private readonly onMetadata = (e: Event): void => {
    const m = (e as CustomEvent<MediaMetadata>).detail;
    const track = this.track;
    if (m.type === 'dateranges') track.dateRanges(m.ranges, m.anchors, m.window, this.video?.currentTime);
    else if (m.type === 'id3') track.id3(m.samples);
    else track.metadataCues(m.cues, m.window);
    this.publish();
    this.onTime();
  };

  private publish(): void {
    const track = this.track;
    if (track.version === this.version) return;
    this.version = track.version;
    this.timeline.setSource('daterange', track.cues('daterange'));
    this.timeline.setSource('id3', track.cues('id3'));
  }

  private readonly onTime = (): void => {
    const t = this.video?.currentTime ?? 0;
    const key = `${this.track.stockVersion}:${this.track.stockCountAt(t)}`;
    if (key === this.stockKey) return;
    this.stockKey = key;
    this.stock = this.track.stockAt(t);
    this.options.onStock();
  };
}
