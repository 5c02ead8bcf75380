// A local live HLS stream for the tests and the demo: a sliding window over the committed
// MPEG-TS segments (test/fixtures/streams/ts/, ten 2 s segments, looped with
// EXT-X-DISCONTINUITY), with EXT-X-PROGRAM-DATE-TIME on every segment, a controllable clock,
// pins injected as EXT-X-DATERANGE tags (docs/live.md's wire format), ENDLIST on demand and a
// stall switch. A plain Node (req, res) handler, like stream-faults.mjs.
//
//   GET  /live/<id>/index.m3u8            the media playlist (a stream is created on first use)
//   GET  /live/<id>/<k>.ts                segment k (file seg<k mod 10>.ts)
//   GET  /live/<id>/<k>.<p>.ts            LL-HLS: part p (0–3) of segment k, 0.5 s each
//   GET  /live/<id>/index.m3u8?_HLS_msn=M[&_HLS_part=P]
//                                          LL-HLS blocking reload: held until segment M (part P
//                                          of it) is in the playlist, at most 3 target
//                                          durations (then 503); 400 for a directive too far
//                                          ahead, a part without msn or a malformed value
//   POST /__live/<id>                     {window?: segments (0 = an EVENT playlist, all of it),
//                                          startAt?: seconds already produced (default: one window),
//                                          pdt?: "wall", ll?: true}  creates or resets the stream
//   GET  /__live/<id>/log                 what the server received: [{path, status}] (last 1,000;
//                                          status 0 while a request is held or when it was dropped)
//
// liveSim({streams: {<id>: options}}) gives a stream the options of a POST when it is created by
// its first request (the demo's stream). With pdt "wall", PROGRAM-DATE-TIME is the wall-clock
// instant the segment was "captured" (what an encoder with program_date_time writes), so a pin
// service stamping START-DATE with its own clock (docs/live.md) lands on the right moment.
//
// With ll: true the playlist is low-latency HLS (RFC 8216bis, Apple's LL-HLS): EXT-X-SERVER-CONTROL
// (CAN-BLOCK-RELOAD, PART-HOLD-BACK 1.5 s), EXT-X-PART-INF (0.5 s), the parts of the last three
// segments and of the one being produced, and an EXT-X-PRELOAD-HINT for the next part, whose
// request is held until it exists. Parts are byte ranges of the segment file cut at video PES
// starts 0.5 s apart (decode time), served as files of their own; the first is INDEPENDENT.
//   GET  /__live/<id>                     state: {now, edge, partEdge (LL), sequence, pins, ended, stalled}
//   POST /__live/<id>/clock               {advance: seconds}: the stream jumps ahead
//   POST /__live/<id>/pins                {productId, id?, at?: stream seconds (default now),
//                                          duration?, endOnNext?, x?, y?, label?} → {id, startDate, at}
//   DELETE /__live/<id>/pins/<pinId>      ends the pin now (END-DATE)
//   POST /__live/<id>/stock               {productId, variantId?, stock?, price?, at?}
//   POST /__live/<id>/raw                 {line}: a raw tag line, e.g. a malformed DATERANGE
//   POST /__live/<id>/end                 EXT-X-ENDLIST from now on
//   POST /__live/<id>/stall               {on: boolean}: the encoder stops (no new segments) / resumes
//
// Stream time ("at", "now") is seconds since the stream's first segment; PROGRAM-DATE-TIME of
// segment k is EPOCH + 2k s (pdt "wall": the wall-clock time stream time 0 stood for), so a pin
// "at" t has START-DATE EPOCH + t.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const TS = fileURLToPath(new URL('../fixtures/streams/ts/', import.meta.url));
const SEG = 2;
const FILES = 10;
const PARTS = 4;
const PART = SEG / PARTS;
/** How many complete segments keep their parts listed (3 target durations, as the spec asks). */
const PART_SEGMENTS = 3;
/** Advance Part Limit: a blocking reload this many parts or more past the last one is refused. */
const ADVANCE_PARTS = 3;
const HOLD_MS = 3 * SEG * 1000;
export const EPOCH = Date.parse('2025-03-01T18:00:00.000Z');
const q = (s) => String(s).replace(/["\r\n]/g, '');

/** @param {{streams?: Record<string, {window?: number, startAt?: number, pdt?: 'wall'}>}} [options] */
export function liveSim({ streams: presets = {} } = {}) {
  /** @type {Map<string, any>} */
  const streams = new Map();
  const segments = new Map();

  function create(id, { window = 6, startAt, pdt, ll = false } = presets[id] ?? {}) {
    const offset = startAt ?? Math.max(window, 3) * SEG;
    const s = {
      window,
      // Wall-clock origin: stream time = (now - origin) / 1000 + offset (while not stalled).
      origin: Date.now(),
      offset,
      // PROGRAM-DATE-TIME of stream time 0.
      epoch: pdt === 'wall' ? Date.now() - offset * 1000 : EPOCH,
      frozenAt: null,
      ended: false,
      pins: new Map(),
      stock: [],
      raw: [],
      seq: 0,
      ll: Boolean(ll),
      log: [],
    };
    streams.set(id, s);
    return s;
  }
  const iso = (s, t) => new Date(s.epoch + Math.round(t * 1000)).toISOString();
  const now = (s) => (s.frozenAt ?? (Date.now() - s.origin) / 1000 + s.offset);
  const freeze = (s) => (s.frozenAt = now(s));
  const thaw = (s) => {
    s.offset = s.frozenAt;
    s.origin = Date.now();
    s.frozenAt = null;
  };
  /** Segments fully produced by stream time t: 0 … last. */
  const lastSegment = (t) => Math.max(0, Math.floor(t / SEG) - 1);
  /** Parts fully produced by stream time t, as a running index (segment k part p = k * PARTS + p). */
  const lastPart = (t) => Math.floor(t / PART + 1e-9) - 1;
  const ended = (s) => s.ended;
  /** The connection closed before the answer (the player aborted a held request). */
  const gone = (res) => res.destroyed || res.socket?.destroyed !== false;
  /** Resolves once `ready()` or the stream ended; false after HOLD_MS or when the client went away. */
  const hold = (s, res, ready) =>
    new Promise((resolve) => {
      const started = Date.now();
      const tick = () => {
        if (ready() || ended(s)) return resolve(true);
        if (Date.now() - started >= HOLD_MS || gone(res)) return resolve(false);
        setTimeout(tick, 20);
      };
      tick();
    });

  function playlist(s) {
    const last = lastSegment(now(s));
    const first = s.window ? Math.max(0, last - s.window + 1) : 0;
    const windowStart = first * SEG;
    const lines = ['#EXTM3U', '#EXT-X-VERSION:6', `#EXT-X-TARGETDURATION:${SEG}`];
    if (s.ll) lines.push(`#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=${(3 * PART).toFixed(3)}`, `#EXT-X-PART-INF:PART-TARGET=${PART.toFixed(3)}`);
    lines.push(`#EXT-X-MEDIA-SEQUENCE:${first}`, `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / FILES)}`);
    if (!s.window) lines.push('#EXT-X-PLAYLIST-TYPE:EVENT');
    // DATERANGEs after the header tags, before the first segment (docs/live.md); a pin stays
    // while it may still be showing in the window, then is dropped.
    for (const p of s.pins.values()) {
      if (p.end !== undefined && p.end < windowStart) continue;
      let tag = `#EXT-X-DATERANGE:ID="${q(p.id)}",CLASS="com.shoppable-video.product",START-DATE="${iso(s, p.at)}"`;
      if (p.end !== undefined && !p.duration) tag += `,END-DATE="${iso(s, p.end)}"`;
      if (p.duration) tag += `,DURATION=${p.duration}`;
      if (p.endOnNext) tag += ',END-ON-NEXT=YES';
      if (p.x !== undefined && p.y !== undefined) tag += `,X-X=${p.x},X-Y=${p.y}`;
      if (p.label) tag += `,X-LABEL="${q(p.label).slice(0, 120)}"`;
      lines.push(`${tag},X-PRODUCT-ID="${q(p.productId)}"`);
    }
    for (const u of s.stock) {
      if (u.at < windowStart - 60) continue;
      let tag = `#EXT-X-DATERANGE:ID="${q(u.id)}",CLASS="com.shoppable-video.stock",START-DATE="${iso(s, u.at)}",X-PRODUCT-ID="${q(u.productId)}"`;
      if (u.variantId) tag += `,X-VARIANT-ID="${q(u.variantId)}"`;
      if (u.stock !== undefined) tag += `,X-STOCK=${u.stock}`;
      if (u.price !== undefined) tag += `,X-PRICE=${u.price}`;
      lines.push(tag);
    }
    lines.push(...s.raw);
    const parts = (k, n) => {
      for (let p = 0; p < n; p++) lines.push(`#EXT-X-PART:DURATION=${PART.toFixed(3)},URI="${k}.${p}.ts"${p === 0 ? ',INDEPENDENT=YES' : ''}`);
    };
    for (let k = first; k <= last; k++) {
      if (k % FILES === 0 && k !== first) lines.push('#EXT-X-DISCONTINUITY');
      lines.push(`#EXT-X-PROGRAM-DATE-TIME:${iso(s, k * SEG)}`);
      if (s.ll && k > last - PART_SEGMENTS) parts(k, PARTS);
      lines.push(`#EXTINF:${SEG.toFixed(6)},`, `${k}.ts`);
    }
    if (s.ll && !s.ended) {
      // The segment being produced: its parts so far, then a hint for the next one.
      const k = last + 1;
      const done = lastPart(now(s)) + 1 - k * PARTS;
      if (k % FILES === 0) lines.push('#EXT-X-DISCONTINUITY');
      lines.push(`#EXT-X-PROGRAM-DATE-TIME:${iso(s, k * SEG)}`);
      parts(k, done);
      lines.push(`#EXT-X-PRELOAD-HINT:TYPE=PART,URI="${k}.${done}.ts"`);
    }
    if (s.ended) lines.push('#EXT-X-ENDLIST');
    return lines.join('\n') + '\n';
  }

  async function body(req) {
    let text = '';
    for await (const chunk of req) text += chunk;
    return text ? JSON.parse(text) : {};
  }
  const json = (res, status, value) => (res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(value)), true);

  /** A segment file, with the byte offsets where its parts start (and its length). */
  async function segmentFile(k) {
    const name = `seg${k % FILES}.ts`;
    if (!segments.has(name)) {
      const bytes = await readFile(TS + name);
      segments.set(name, { bytes, cuts: partCuts(bytes) });
    }
    return segments.get(name);
  }

  /** Answers a playlist request; LL-HLS delivery directives are checked and held like an origin. */
  async function servePlaylist(s, url, res) {
    const params = url.searchParams;
    const msnText = params.get('_HLS_msn');
    const partText = params.get('_HLS_part');
    if (s.ll && (msnText !== null || partText !== null)) {
      const int = (v) => (v !== null && /^\d{1,9}$/.test(v) ? Number(v) : NaN);
      const msn = int(msnText);
      const part = partText === null ? undefined : int(partText);
      const t = now(s);
      const refuse = (why) => ((res.writeHead(400, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end(why), 400));
      if (Number.isNaN(msn)) return refuse('_HLS_msn is missing or not a decimal integer');
      if (part !== undefined && Number.isNaN(part)) return refuse('_HLS_part is not a decimal integer');
      if (!s.ended) {
        if (msn > lastSegment(t) + 2) return refuse('_HLS_msn is more than two segments past the last one');
        if (part !== undefined && msn * PARTS + part > lastPart(t) + ADVANCE_PARTS) return refuse('_HLS_part is past the Advance Part Limit');
      }
      const ready = () => (part === undefined ? lastSegment(now(s)) >= msn : lastPart(now(s)) >= msn * PARTS + part);
      if (!(await hold(s, res, ready))) {
        if (gone(res)) return 0;
        res.writeHead(503, { 'content-type': 'text/plain', 'cache-control': 'no-store', 'retry-after': '1' }).end('not produced within 3 target durations');
        return 503;
      }
    }
    res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl', 'cache-control': 'no-store' });
    res.end(playlist(s));
    return 200;
  }

  /** Answers a segment or part request; the hinted next part is held until it exists. */
  async function serveMedia(s, k, p, res) {
    const t = now(s);
    const gone = s.window && k < lastSegment(t) - s.window - 1;
    if (p === undefined) {
      if (gone || k > lastSegment(t)) return json(res, 404, { error: 'not produced yet' }) && 404;
    } else {
      const index = k * PARTS + p;
      // Only the next part (the preload hint) is worth waiting for; others do not exist (yet).
      if (!s.ll || p >= PARTS || gone || index > lastPart(t) + 1) return json(res, 404, { error: 'no such part' }) && 404;
      if (index > lastPart(t) && !(await hold(s, res, () => lastPart(now(s)) >= index))) {
        if (gone(res)) return 0;
        return json(res, 503, { error: 'part not produced in time' }) && 503;
      }
    }
    const { bytes, cuts } = await segmentFile(k);
    res.writeHead(200, { 'content-type': 'video/mp2t', 'cache-control': 'no-store' });
    res.end(p === undefined ? bytes : bytes.subarray(cuts[p], cuts[p + 1]));
    return 200;
  }

  return async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let m = url.pathname.match(/^\/live\/([\w-]+)\/(?:index\.m3u8|(\d+)(?:\.(\d+))?\.ts)$/);
    if (m && req.method === 'GET') {
      const s = streams.get(m[1]) ?? create(m[1]);
      const entry = { path: url.pathname.slice(url.pathname.lastIndexOf('/') + 1) + url.search, status: 0 };
      s.log.push(entry);
      if (s.log.length > 1000) s.log.shift();
      entry.status = m[2] === undefined ? await servePlaylist(s, url, res) : await serveMedia(s, Number(m[2]), m[3] === undefined ? undefined : Number(m[3]), res);
      return true;
    }
    m = url.pathname.match(/^\/__live\/([\w-]+)(?:\/(clock|pins|stock|raw|end|stall|log)(?:\/([^/]+))?)?$/);
    if (!m) return false;
    const [, id, action, arg] = m;
    if (!action && req.method === 'POST') {
      create(id, await body(req));
      return json(res, 200, { ok: true });
    }
    const s = streams.get(id) ?? create(id);
    const t = now(s);
    if (!action) return json(res, 200, { now: t, edge: (lastSegment(t) + 1) * SEG, ...(s.ll && { partEdge: (lastPart(t) + 1) * PART }), sequence: lastSegment(t), pins: s.pins.size, ended: s.ended, stalled: s.frozenAt !== null, epoch: s.epoch });
    if (action === 'log') return json(res, 200, { log: s.log });
    if (action === 'pins' && req.method === 'DELETE') {
      const pin = s.pins.get(decodeURIComponent(arg ?? ''));
      if (!pin) return json(res, 404, { error: 'no such pin' });
      pin.end = t;
      return json(res, 200, { id: pin.id, endDate: iso(s, t) });
    }
    const b = await body(req);
    switch (action) {
      case 'clock':
        if (s.frozenAt !== null) s.frozenAt += Number(b.advance) || 0;
        else s.offset += Number(b.advance) || 0;
        return json(res, 200, { now: now(s) });
      case 'pins': {
        const pin = { id: b.id ?? `pin-${++s.seq}`, productId: b.productId, at: b.at ?? t, duration: b.duration, end: b.end, endOnNext: b.endOnNext, x: b.x, y: b.y, label: b.label };
        s.pins.set(pin.id, pin);
        return json(res, 200, { id: pin.id, at: pin.at, startDate: iso(s, pin.at) });
      }
      case 'stock':
        s.stock.push({ id: `stock-${++s.seq}`, at: b.at ?? t, productId: b.productId, variantId: b.variantId, stock: b.stock, price: b.price });
        return json(res, 200, { at: b.at ?? t });
      case 'raw':
        s.raw.push(String(b.line).replace(/[\r\n]/g, ''));
        return json(res, 200, { ok: true });
      case 'end':
        freeze(s);
        s.ended = true;
        return json(res, 200, { now: now(s) });
      case 'stall':
        if (b.on && s.frozenAt === null) freeze(s);
        else if (!b.on && s.frozenAt !== null && !s.ended) thaw(s);
        return json(res, 200, { now: now(s), stalled: s.frozenAt !== null });
    }
    return false;
  };
}

/** 90 kHz timestamp at `i` (PES header PTS/DTS field, 33 bits). */
const timestamp = (b, i) => (b[i] >> 1 & 7) * 2 ** 30 + ((b[i + 1] << 7) | (b[i + 2] >> 1)) * 2 ** 15 + ((b[i + 3] << 7) | (b[i + 4] >> 1));

/**
 * Where the parts of an MPEG-TS segment start: the first video PES whose decode time is at least
 * p × PART after the segment's first, for p = 1 … PARTS − 1 (0 and the length bracket them), at
 * 188-byte packet boundaries.
 */
export function partCuts(bytes) {
  const starts = [];
  for (let at = 0; at + 188 <= bytes.length; at += 188) {
    if (bytes[at] !== 0x47 || !(bytes[at + 1] & 0x40)) continue;
    const i = at + 4 + (bytes[at + 3] & 0x20 ? 1 + bytes[at + 4] : 0);
    if (bytes[i] !== 0 || bytes[i + 1] !== 0 || bytes[i + 2] !== 1 || (bytes[i + 3] & 0xf0) !== 0xe0) continue;
    const flags = bytes[i + 7] >> 6;
    if (!(flags & 2)) continue;
    starts.push({ at, dts: flags === 3 ? timestamp(bytes, i + 14) : timestamp(bytes, i + 9) });
  }
  const cuts = [0];
  for (let p = 1; p < PARTS; p++) {
    const want = starts[0].dts + p * PART * 90_000 - 45; // within half a millisecond
    cuts.push(starts.find((x) => x.dts >= want)?.at ?? bytes.length);
  }
  cuts.push(bytes.length);
  return cuts;
}
