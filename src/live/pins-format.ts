/**
 * In-band product pins (docs/live.md): EXT-X-DATERANGE tags of the classes
 * `com.shoppable-video.product` and `com.shoppable-video.stock`, and ID3 `TXXX` frames with the
 * description `com.shoppable-video`, turned into timeline cues (sources `daterange` and `id3`)
 * and live stock/price fields. Pure and DOM-free: the pipeline hands in what hls.js (or the
 * video's metadata text track) exposes, the show binding reads cues and live fields back.
 *
 * Untrusted input: every parse is linear in its input, keeps at most {@link MAX_PINS} pins,
 * refuses attribute values over {@link MAX_VALUE} characters and reports at most one issue
 * line per parse. Pins (and stock updates) whose time left the playlist's window are dropped,
 * so memory stays flat however long the show runs.
 */
import type { ShoppableError } from '../internal/errors.js';
import type { Product, Variant } from '../timeline/types.js';

export const PIN_CLASS = 'com.shoppable-video.product';
export const STOCK_CLASS = 'com.shoppable-video.stock';
export const ID3_DESCRIPTION = 'com.shoppable-video';
export const MAX_PINS = 2000;
export const MAX_VALUE = 1024;
export const MAX_LABEL = 120;
/** Distinct unknown product ids reported per track; more are ignored silently. */
export const MAX_UNKNOWN_REPORTS = 50;
/** Stock updates kept in the window (older ones fold into the baseline). */
export const MAX_STOCK_EVENTS = 2000;

/** A point where playlist dates and media time meet: a segment with EXT-X-PROGRAM-DATE-TIME. */
export interface DateAnchor {
  /** Media time of the segment's start, seconds. */
  time: number;
  /** Its PROGRAM-DATE-TIME, epoch milliseconds. */
  date: number;
}

/** What the playlist covers now, in media time. */
export interface MediaWindow {
  start: number;
  end: number;
  /** EXT-X-ENDLIST seen: the show is over, open pins end at `end`. */
  ended: boolean;
}

/** One DATERANGE as attributes (quotes removed), with media times where the source knows them. */
export interface DateRangeInput {
  attrs: Readonly<Record<string, string | undefined>>;
  /** Media time of START-DATE, when already mapped (native metadata cues); else from anchors. */
  start?: number;
  end?: number;
}

/** One ID3 payload at a media time: raw ID3 bytes, or a TXXX value already extracted. */
export interface Id3Input {
  time: number;
  data?: Uint8Array;
  /** TXXX frames already decoded (native cues): description → value. */
  frames?: Array<{ info: string; data: string }>;
}

/** A metadata text-track cue as Safari (and hls.js's emulation) exposes it. */
export interface MetadataCueLike {
  id?: string;
  startTime: number;
  endTime: number;
  type?: string;
  value?: { key?: string; info?: string; data?: unknown } | null;
}

/** Live fields of a product (and of its variants by id) from stock/price updates. */
export interface LiveStock {
  available?: boolean;
  inventory?: number;
  price?: number;
  variants?: Map<string, { available?: boolean; inventory?: number; price?: number }>;
}

export interface Pin {
  id: string;
  productId: string;
  start: number;
  /** Explicit end (END-DATE, DURATION, unpin), NaN when open. */
  end: number;
  endOnNext: boolean;
  x?: number;
  y?: number;
  label?: string;
  source: 'daterange' | 'id3';
}

export interface StockEvent {
  time: number;
  productId: string;
  variantId?: string;
  stock?: number;
  price?: number;
}

export interface PinTrackOptions {
  /** Whether the show has this product; undefined while the show is still loading. */
  knows?(productId: string): boolean | undefined;
  /** At most one call per parse, with every issue of that parse summarised. */
  onIssue?(error: ShoppableError): void;
  maxPins?: number;
}

export interface Issue {
  code: string;
  message: string;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 date with time and zone; NaN otherwise. */
export function parseDate(value: string | undefined): number {
  return value && value.length <= 40 && ISO_DATE.test(value) ? Date.parse(value) : NaN;
}

/** Media time of an epoch-ms date, through the last anchor at or before it (the first otherwise). */
export function mediaTimeOf(date: number, anchors: readonly DateAnchor[]): number {
  if (!anchors.length || !Number.isFinite(date)) return NaN;
  let lo = 0;
  let hi = anchors.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (anchors[mid]!.date <= date) lo = mid;
    else hi = mid - 1;
  }
  const a = anchors[lo]!;
  return a.time + (date - a.date) / 1000;
}

/**
 * Parses an HLS attribute list (`ID="a",DURATION=3.5,...`, RFC 8216 §4.2) in one pass; quoted
 * values lose their quotes. Returns a message instead when it is malformed or a value is too long.
 */
export function parseAttributeList(text: string): Record<string, string> | string {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const eq = text.indexOf('=', i);
    if (eq < 0) return `attribute without a value at ${i}`;
    const name = text.slice(i, eq).trim();
    if (!/^[A-Z0-9-]{1,64}$/.test(name)) return `bad attribute name "${name.slice(0, 40)}"`;
    let value: string;
    if (text[eq + 1] === '"') {
      const close = text.indexOf('"', eq + 2);
      if (close < 0) return `unterminated quoted value of ${name}`;
      value = text.slice(eq + 2, close);
      i = close + 1;
    } else {
      const comma = text.indexOf(',', eq + 1);
      const stop = comma < 0 ? n : comma;
      value = text.slice(eq + 1, stop).trim();
      i = stop;
    }
    if (value.length > MAX_VALUE) return `${name} is longer than ${MAX_VALUE} characters`;
    out[name] = value;
    if (i < n) {
      if (text[i] !== ',') return `expected a comma after ${name}`;
      i++;
    }
  }
  return out;
}

const decoders: Record<number, TextDecoder | undefined> = {};
export function decode(bytes: Uint8Array, encoding: number): string {
  const label = encoding === 0 ? 'latin1' : encoding === 3 ? 'utf-8' : 'utf-16';
  return (decoders[encoding] ??= new TextDecoder(label === 'utf-16' && encoding === 2 ? 'utf-16be' : label)).decode(bytes);
}

/** The TXXX frames (description, value) of an ID3v2.3/2.4 tag; linear, ignores other frames. */
export function readId3Txxx(data: Uint8Array): Array<{ info: string; data: string }> {
  const out: Array<{ info: string; data: string }> = [];
  let offset = 0;
  // A sample may hold several tags back to back.
  while (offset + 10 <= data.length && data[offset] === 0x49 && data[offset + 1] === 0x44 && data[offset + 2] === 0x33) {
    const version = data[offset + 3]!;
    const size = syncsafe(data, offset + 6);
    const end = Math.min(data.length, offset + 10 + size);
    let p = offset + 10;
    while (p + 10 <= end) {
      const id = String.fromCharCode(data[p]!, data[p + 1]!, data[p + 2]!, data[p + 3]!);
      if (id === '\0\0\0\0') break;
      const frameSize = version >= 4 ? syncsafe(data, p + 4) : ((data[p + 4]! << 24) | (data[p + 5]! << 16) | (data[p + 6]! << 8) | data[p + 7]!) >>> 0;
      const body = p + 10;
      const bodyEnd = Math.min(end, body + frameSize);
      if (id === 'TXXX' && bodyEnd > body && bodyEnd - body <= MAX_VALUE * 4) {
        const enc = data[body]!;
        const wide = enc === 1 || enc === 2;
        let q = body + 1;
        // The description ends at a 0 (or 0 0 for UTF-16, aligned).
        while (q < bodyEnd && !(wide ? data[q] === 0 && data[q + 1] === 0 && (q - body - 1) % 2 === 0 : data[q] === 0)) q++;
        const info = decode(data.subarray(body + 1, q), enc);
        let v = Math.min(bodyEnd, q + (wide ? 2 : 1));
        let vEnd = bodyEnd;
        while (vEnd > v && data[vEnd - 1] === 0) vEnd--;
        if (wide && (vEnd - v) % 2) vEnd++;
        out.push({ info, data: decode(data.subarray(v, vEnd), enc) });
        v = 0;
      }
      p = body + frameSize;
    }
    offset = offset + 10 + size;
  }
  return out;
}

export function syncsafe(d: Uint8Array, at: number): number {
  return ((d[at]! & 0x7f) << 21) | ((d[at + 1]! & 0x7f) << 14) | ((d[at + 2]! & 0x7f) << 7) | (d[at + 3]! & 0x7f);
}

export function fraction(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() ? Number(v) : typeof v === 'number' ? v : NaN;
  return n >= 0 && n <= 1 ? n : undefined;
}

export function count(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function text(v: unknown, max = MAX_LABEL): string | undefined {
  return typeof v === 'string' && v ? v.slice(0, max) : undefined;
}


export function position(x?: number, y?: number): { x?: number; y?: number } {
  return x !== undefined && y !== undefined ? { x, y } : {};
}

export function signature(a: DateRangeInput['attrs'], range: DateRangeInput): string {
  let s = `${range.start ?? ''}|${range.end ?? ''}`;
  for (const k in a) s += `|${k}=${a[k]}`;
  return s;
}

export function applyStock(into: Map<string, LiveStock>, e: StockEvent): void {
  let s = into.get(e.productId);
  if (!s) into.set(e.productId, (s = {}));
  const fields = { ...(e.stock !== undefined && { inventory: e.stock, available: e.stock > 0 }), ...(e.price !== undefined && { price: e.price }) };
  if (e.variantId) {
    s.variants ??= new Map();
    s.variants.set(e.variantId, { ...s.variants.get(e.variantId), ...fields });
  } else Object.assign(s, fields);
}

/**
 * A product with live stock/price on top. A product-level update sets the product's
 * availability and price, and, for a product with a single variant, that variant's too (so its
 * card can say "Only 3 left"); a variant-level update sets that variant.
 */
export function withStock(product: Product, live: LiveStock | undefined): Product {
  if (!live) return product;
  const { variants: liveVariants, inventory, ...own } = live;
  const next: Product = { ...product, ...own };
  if (product.variants?.length) {
    const single = product.variants.length === 1;
    next.variants = product.variants.map((v): Variant => {
      const fromProduct = single ? { ...(inventory !== undefined && { inventory }), ...own } : {};
      const fromVariant = liveVariants?.get(v.id);
      return fromVariant || single ? { ...v, ...fromProduct, ...fromVariant } : v;
    });
    if (liveVariants && live.available === undefined) next.available = next.variants.some((v) => v.available !== false);
  }
  return next;
}

/**
 * What the pipeline (lazy chunk) hands the show, as the `detail` of an internal, non-bubbling
 * `sv-metadata` event on the `<video>` (the object both already share): a playlist refresh
 * with its DATERANGEs, the ID3 samples of a parsed segment, or the native metadata cues.
 */
export type MediaMetadata =
  | { type: 'dateranges'; ranges: DateRangeInput[]; anchors: DateAnchor[]; window: MediaWindow }
  | { type: 'id3'; samples: Id3Input[] }
  | { type: 'cues'; cues: ArrayLike<MetadataCueLike>; window?: MediaWindow };

export const METADATA_EVENT = 'sv-metadata';
