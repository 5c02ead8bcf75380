/**
 * In-band product pins (docs/live.md): the {@link PinTrack} that turns a stream's DATERANGE tags,
 * ID3 frames and native metadata cues into timeline cues and live stock. The wire format, its
 * limits and the pure parsers are in `pins-format.ts`.
 */
import type { Cue, CueSource } from '../timeline/types.js';
import { decode, type DateAnchor, type DateRangeInput, ID3_DESCRIPTION, type Id3Input, type Issue, type LiveStock, MAX_PINS, MAX_STOCK_EVENTS, MAX_UNKNOWN_REPORTS, MAX_VALUE, type MediaWindow, type MetadataCueLike, PIN_CLASS, type Pin, type PinTrackOptions, STOCK_CLASS, type StockEvent, applyStock, count, fraction, mediaTimeOf, parseDate, position, readId3Txxx, signature, text } from './pins-format.js';

export * from './pins-format.js';

/**
 * Pins and stock updates of one stream. Feed it with {@link PinTrack.dateRanges} (each
 * playlist refresh), {@link PinTrack.id3} (each parsed segment) or
 * {@link PinTrack.metadataCues} (native HLS), and {@link PinTrack.setWindow}; read
 * {@link PinTrack.cues} and {@link PinTrack.stockAt}.
 */
export class PinTrack {
  /** Bumped whenever the cues change. */
  version = 0;
  /** Bumped whenever the stock updates change. */
  stockVersion = 0;
  private readonly pins = new Map<string, Pin>();
  /** Signature of each DATERANGE last parsed, by ID: unchanged tags are not parsed again. */
  private seen = new Map<string, string>();
  private raw = new Map<string, string>();
  private quiet = false;
  /** Media time playing now: a pin already started keeps its time when a re-mapping nudges it. */
  private now = -Infinity;
  private stock: StockEvent[] = [];
  /** Stock updates that left the window, folded: the state before the first kept event. */
  private baseline = new Map<string, LiveStock>();
  private readonly unknown = new Set<string>();
  private window: MediaWindow = { start: 0, end: Infinity, ended: false };
  private cached: { version: number; daterange: Cue[]; id3: Cue[] } | null = null;
  private issues: Issue[] = [];

  constructor(private readonly options: PinTrackOptions = {}) {}

  /** Pins kept now (both sources). */
  get size(): number {
    return this.pins.size;
  }

  /** Stock updates kept now. */
  get stockSize(): number {
    return this.stock.length;
  }

  /**
   * The DATERANGEs of a playlist (all of them, each refresh): new or changed ones are parsed,
   * START-DATE is mapped to media time through `anchors` (PROGRAM-DATE-TIME).
   */
  dateRanges(ranges: Iterable<DateRangeInput>, anchors: readonly DateAnchor[], window?: MediaWindow, now = -Infinity): void {
    const seen = new Map<string, string>();
    const raw = new Map<string, string>();
    this.now = now;
    let changed = false;
    for (const range of ranges) {
      const a = range.attrs;
      const cls = a['CLASS'];
      if (cls !== PIN_CLASS && cls !== STOCK_CLASS) continue;
      const id = a['ID'] ?? '';
      // The mapped times are part of the signature: hls.js re-aligns segment times once it has
      // parsed one, and a pin must follow.
      const rawSig = signature(a, range);
      if (rawSig.length > MAX_VALUE * 8) {
        this.issue('LIVE_PIN_INVALID', `DATERANGE "${id.slice(0, 40)}" is too large`);
        continue;
      }
      const sig = `${mediaTimeOf(parseDate(a['START-DATE']), anchors)}|${mediaTimeOf(parseDate(a['END-DATE']), anchors)}|${rawSig}`;
      seen.set(id, sig);
      raw.set(id, rawSig);
      if (this.seen.get(id) === sig) continue;
      // Only the mapping moved: parse again, but what was reported stays reported.
      this.quiet = this.raw.get(id) === rawSig;
      changed = this.readDateRange(a, range, anchors) || changed;
      this.quiet = false;
    }
    this.seen = seen;
    this.raw = raw;
    if (window) changed = this.moveWindow(window) || changed;
    this.finish(changed);
  }

  /** ID3 samples of a parsed segment (hls.js FRAG_PARSING_METADATA: `pts` is media time). */
  id3(samples: Iterable<Id3Input>): void {
    let changed = false;
    for (const sample of samples) {
      const frames = sample.frames ?? (sample.data ? readId3Txxx(sample.data) : []);
      for (const frame of frames) if (frame.info === ID3_DESCRIPTION) changed = this.readId3(frame.data, sample.time) || changed;
    }
    this.finish(changed);
  }

  /**
   * The cues of the video's metadata text track (native HLS: Safari exposes each DATERANGE as
   * one cue per attribute, `value.key`/`value.data`, sharing the DATERANGE's ID as `cue.id`, and
   * each ID3 frame as a cue with `value.key` "TXXX", `value.info` and `value.data`).
   */
  metadataCues(cues: ArrayLike<MetadataCueLike>, window?: MediaWindow): void {
    const ranges = new Map<string, { attrs: Record<string, string>; start: number; end: number }>();
    const id3: Id3Input[] = [];
    for (let i = 0; i < cues.length; i++) {
      const cue = cues[i]!;
      const v = cue.value;
      if (!v || typeof v.key !== 'string') continue;
      if (v.key === 'TXXX' && typeof v.info === 'string' && typeof v.data === 'string') {
        id3.push({ time: cue.startTime, frames: [{ info: v.info, data: v.data }] });
        continue;
      }
      if (!cue.id || !/^[A-Z0-9-]{1,64}$/.test(v.key)) continue;
      let range = ranges.get(cue.id);
      if (!range) {
        if (ranges.size >= MAX_PINS * 2) continue;
        ranges.set(cue.id, (range = { attrs: { ID: cue.id }, start: cue.startTime, end: cue.endTime }));
      }
      const data = v.data;
      const value = typeof data === 'string' ? data : typeof data === 'number' ? String(data) : data instanceof ArrayBuffer ? decode(new Uint8Array(data.slice(0, MAX_VALUE + 1)), 3) : '';
      range.attrs[v.key] = value;
      range.end = Math.max(range.end, cue.endTime);
    }
    // Safari gives a DATERANGE without an end an endTime of Infinity (or the duration): only a
    // cue that states END-DATE or DURATION carries an end.
    const inputs: DateRangeInput[] = [];
    for (const r of ranges.values()) {
      const explicit = 'END-DATE' in r.attrs || 'DURATION' in r.attrs;
      inputs.push({ attrs: r.attrs, start: r.start, ...(explicit && Number.isFinite(r.end) && { end: r.end }) });
    }
    this.dateRanges(inputs, [], window);
    if (id3.length) this.id3(id3);
  }

  /** The playlist's window moved (or the show ended): drops what left it. */
  setWindow(window: MediaWindow): void {
    this.finish(this.moveWindow(window));
  }

  /** Cues for one timeline source, with resolved ends; the same array until something changes. */
  cues(source: 'daterange' | 'id3'): Cue[] {
    if (this.cached?.version !== this.version) {
      const resolved = this.resolve();
      const daterange: Cue[] = [];
      const id3: Cue[] = [];
      for (const [pin, end] of resolved) {
        if (this.options.knows?.(pin.productId) === false) continue;
        const cue: Cue = { id: pin.id, productId: pin.productId, start: pin.start, end, source: pin.source as CueSource };
        if (pin.x !== undefined && pin.y !== undefined) Object.assign(cue, { x: pin.x, y: pin.y });
        if (pin.label) cue.label = pin.label;
        (pin.source === 'id3' ? id3 : daterange).push(cue);
      }
      this.cached = { version: this.version, daterange, id3 };
    }
    return this.cached[source];
  }

  /** Live stock and price by product id, as of media time `t`. */
  stockAt(t: number): Map<string, LiveStock> {
    const out = new Map<string, LiveStock>();
    for (const [id, s] of this.baseline) out.set(id, { ...s, variants: new Map(s.variants) });
    for (const e of this.stock) {
      if (e.time > t) break;
      applyStock(out, e);
    }
    return out;
  }

  /** How many stock updates took effect by media time `t` (cheap: tells whether {@link stockAt} changed). */
  stockCountAt(t: number): number {
    let lo = 0;
    let hi = this.stock.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.stock[mid]!.time <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Reports products the show does not have (once each) now that it knows its products. */
  checkProducts(): void {
    for (const pin of this.pins.values()) this.checkProduct(pin.productId);
    this.finish(true); // the cues are filtered by what the show knows

  }

  // ---- internals ----

  private readDateRange(a: DateRangeInput['attrs'], range: DateRangeInput, anchors: readonly DateAnchor[]): boolean {
    const id = a['ID'];
    const cls = a['CLASS'];
    const startDate = parseDate(a['START-DATE']);
    const start = range.start ?? mediaTimeOf(startDate, anchors);
    const what = `DATERANGE "${(id ?? '').slice(0, 40)}"`;
    if (!id) return this.issue('LIVE_PIN_INVALID', `A ${cls} DATERANGE has no ID`);
    if (range.start === undefined && Number.isNaN(startDate)) return this.issue('LIVE_PIN_INVALID', `${what} has no valid START-DATE ("${(a['START-DATE'] ?? '').slice(0, 40)}")`);
    if (!Number.isFinite(start)) return this.issue('LIVE_PIN_INVALID', `${what}: the playlist has no PROGRAM-DATE-TIME to place it`);
    for (const k in a) if ((a[k] ?? '').length > MAX_VALUE) return this.issue('LIVE_PIN_INVALID', `${what}: ${k} is longer than ${MAX_VALUE} characters`);
    const productId = a['X-PRODUCT-ID'];
    if (!productId) return this.issue('LIVE_PIN_INVALID', `${what} has no X-PRODUCT-ID`);
    if (cls === STOCK_CLASS) {
      const stock = count(a['X-STOCK']);
      const price = count(a['X-PRICE']);
      if (stock === undefined && price === undefined) return this.issue('LIVE_PIN_INVALID', `${what} has neither a valid X-STOCK nor X-PRICE`);
      if (!this.checkProduct(productId)) return false;
      return this.addStock({ time: start, productId, ...(a['X-VARIANT-ID'] && { variantId: a['X-VARIANT-ID'] }), ...(stock !== undefined && { stock }), ...(price !== undefined && { price }) });
    }
    let end = NaN;
    if (range.end !== undefined) end = range.end;
    else if (a['END-DATE'] !== undefined) {
      end = mediaTimeOf(parseDate(a['END-DATE']), anchors);
      if (Number.isNaN(end)) return this.issue('LIVE_PIN_INVALID', `${what} has an invalid END-DATE`);
    } else if (a['DURATION'] !== undefined) {
      const d = Number(a['DURATION']);
      if (!(d >= 0) || !/^\d+(\.\d+)?$/.test(a['DURATION'] ?? '')) return this.issue('LIVE_PIN_INVALID', `${what} has an invalid DURATION`);
      end = start + d;
    }
    if (end < start) return this.issue('LIVE_PIN_INVALID', `${what} ends before it starts`);
    this.checkProduct(productId);
    return this.upsert({
      id,
      productId,
      start,
      end,
      endOnNext: a['END-ON-NEXT'] === 'YES',
      ...position(fraction(a['X-X']), fraction(a['X-Y'])),
      ...(a['X-LABEL'] && { label: text(a['X-LABEL']) }),
      source: 'daterange',
    });
  }

  private readId3(json: string, time: number): boolean {
    if (json.length > MAX_VALUE) return this.issue('LIVE_PIN_INVALID', `An ID3 pin payload is longer than ${MAX_VALUE} characters`);
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(json) as Record<string, unknown>;
    } catch {
      return this.issue('LIVE_PIN_INVALID', 'An ID3 pin payload is not JSON');
    }
    if (!v || typeof v !== 'object') return this.issue('LIVE_PIN_INVALID', 'An ID3 pin payload is not an object');
    const id = text(v['id'], 256);
    const productId = text(v['productId'], 256);
    if (v['type'] === 'unpin') {
      const pin = id ? this.pins.get(id) : undefined;
      if (!pin || pin.source !== 'id3') return false;
      if (pin.end <= time) return false;
      pin.end = Math.max(pin.start, time);
      return true;
    }
    if (!productId) return this.issue('LIVE_PIN_INVALID', `An ID3 ${String(v['type']).slice(0, 20)} payload has no productId`);
    if (v['type'] === 'stock') {
      const stock = count(v['stock']);
      const price = count(v['price']);
      if (stock === undefined && price === undefined) return this.issue('LIVE_PIN_INVALID', 'An ID3 stock payload has neither a valid stock nor price');
      if (!this.checkProduct(productId)) return false;
      const variantId = text(v['variantId'], 256);
      return this.addStock({ time, productId, ...(variantId && { variantId }), ...(stock !== undefined && { stock }), ...(price !== undefined && { price }) });
    }
    if (v['type'] !== 'pin' || !id) return this.issue('LIVE_PIN_INVALID', 'An ID3 payload is neither a pin (with id) nor an unpin nor a stock update');
    const duration = typeof v['duration'] === 'number' && v['duration'] >= 0 ? v['duration'] : NaN;
    const old = this.pins.get(id);
    this.checkProduct(productId);
    return this.upsert({
      id,
      productId,
      // The same frame parsed again (a level switch, a seek back) keeps its first time.
      start: old?.source === 'id3' ? old.start : time,
      end: old?.source === 'id3' && !Number.isNaN(old.end) ? old.end : time + duration,
      endOnNext: false,
      ...position(fraction(v['x']), fraction(v['y'])),
      ...(typeof v['label'] === 'string' && v['label'] && { label: text(v['label']) }),
      source: 'id3',
    });
  }

  private upsert(pin: Pin): boolean {
    const old = this.pins.get(pin.id);
    // hls.js refines segment times once it parses them: a pin that has started keeps its start
    // (and end) through such small moves, so it does not leave and come back on screen.
    if (old && old.start <= this.now && Math.abs(old.start - pin.start) < 1) {
      const shift = old.start - pin.start;
      pin.start = old.start;
      if (!Number.isNaN(pin.end) && pin.end > this.now) pin.end += shift;
      else if (!Number.isNaN(pin.end) && !Number.isNaN(old.end) && Math.abs(old.end - pin.end) < 1) pin.end = old.end;
    }
    if (old && JSON.stringify(old) === JSON.stringify(pin)) return false;
    // Ended before the window: nothing to show, nothing to keep.
    if (pin.end <= this.window.start) {
      if (old) this.pins.delete(pin.id);
      return Boolean(old);
    }
    this.pins.set(pin.id, pin);
    const max = this.options.maxPins ?? MAX_PINS;
    if (this.pins.size > max) {
      // Keep the newest: drop the earliest-starting pins.
      const sorted = [...this.pins.values()].sort((a, b) => a.start - b.start);
      for (const p of sorted.slice(0, this.pins.size - max)) this.pins.delete(p.id);
      this.issue('LIVE_PIN_LIMIT', `More than ${max} pins in the window: the oldest were dropped`);
    }
    return true;
  }

  private addStock(e: StockEvent): boolean {
    if (e.time < this.window.start) {
      applyStock(this.baseline, e);
      this.stockVersion++;
      return false;
    }
    const s = this.stock;
    if (s.some((o) => o.time === e.time && o.productId === e.productId && o.variantId === e.variantId && o.stock === e.stock && o.price === e.price)) return false;
    let i = s.length;
    while (i > 0 && s[i - 1]!.time > e.time) i--;
    s.splice(i, 0, e);
    if (s.length > MAX_STOCK_EVENTS) applyStock(this.baseline, s.shift()!);
    this.stockVersion++;
    return false;
  }

  private moveWindow(window: MediaWindow): boolean {
    const was = this.window;
    this.window = window;
    let changed = was.ended !== window.ended || (window.ended && was.end !== window.end);
    if (window.start <= was.start && !changed) return false;
    let folded = 0;
    while (folded < this.stock.length && this.stock[folded]!.time < window.start) applyStock(this.baseline, this.stock[folded++]!);
    if (folded) {
      this.stock.splice(0, folded);
      this.stockVersion++;
    }
    for (const [pin, end] of this.resolve()) {
      if (end <= window.start) {
        this.pins.delete(pin.id);
        changed = true;
      }
    }
    return changed;
  }

  /** Each pin with its end: its own, else the next pin of its product (or of any, END-ON-NEXT), else the show's. */
  private resolve(): Array<[Pin, number]> {
    const sorted = [...this.pins.values()].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    const showEnd = this.window.ended ? this.window.end : Infinity;
    // Walking back from the latest: for each product (and for any pin), the nearest start after this one.
    const nextOf = new Map<string, { start: number; after: number }>();
    let any: { start: number; after: number } | undefined;
    const out: Array<[Pin, number]> = new Array(sorted.length);
    const later = (n: { start: number; after: number } | undefined, t: number) => (!n ? showEnd : n.start > t ? n.start : n.after);
    for (let i = sorted.length - 1; i >= 0; i--) {
      const pin = sorted[i]!;
      const mine = nextOf.get(pin.productId);
      const implicit = Math.min(showEnd, pin.endOnNext ? later(any, pin.start) : later(mine, pin.start));
      out[i] = [pin, Number.isNaN(pin.end) ? Math.max(pin.start, implicit) : pin.end];
      nextOf.set(pin.productId, { start: pin.start, after: later(mine, pin.start) });
      any = { start: pin.start, after: later(any, pin.start) };
    }
    return out;
  }

  private checkProduct(productId: string): boolean {
    const known = this.options.knows?.(productId);
    if (known !== false) return true;
    if (!this.quiet && !this.unknown.has(productId) && this.unknown.size < MAX_UNKNOWN_REPORTS) {
      this.unknown.add(productId);
      this.issues.push({ code: 'LIVE_PIN_UNKNOWN_PRODUCT', message: `A pin names product "${productId.slice(0, 60)}", which the show does not have: ignored` });
    }
    return false;
  }

  private issue(code: string, message: string): false {
    if (!this.quiet && this.issues.length < 100) this.issues.push({ code, message });
    return false;
  }

  private finish(changed: boolean): void {
    if (changed) this.version++;
    const issues = this.issues;
    if (!issues.length) return;
    this.issues = [];
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''} in this playlist update)` : '';
    this.options.onIssue?.({ source: 'manifest', code: first.code, message: `${first.message}${more}.`, fatal: false, data: { issues: issues.slice(0, 10) } });
  }
}
