// A local live HLS stream for the tests and the demo: a sliding window over the committed
// MPEG-TS segments (test/fixtures/streams/ts/, ten 2 s segments, looped with
// EXT-X-DISCONTINUITY), with EXT-X-PROGRAM-DATE-TIME on every segment, a controllable clock,
// pins injected as EXT-X-DATERANGE tags (docs/live.md's wire format), ENDLIST on demand and a
// stall switch. A plain Node (req, res) handler, like stream-faults.mjs.
//
//   GET  /live/<id>/index.m3u8            the media playlist (a stream is created on first use)
//   GET  /live/<id>/<k>.ts                segment k (file seg<k mod 10>.ts)
//   POST /__live/<id>                     {window?: segments (0 = an EVENT playlist, all of it),
//                                          startAt?: seconds already produced (default: one window),
//                                          pdt?: "wall"}  creates or resets the stream
//
// liveSim({streams: {<id>: options}}) gives a stream the options of a POST when it is created by
// its first request (the demo's stream). With pdt "wall", PROGRAM-DATE-TIME is the wall-clock
// instant the segment was "captured" (what an encoder with program_date_time writes), so a pin
// service stamping START-DATE with its own clock (docs/live.md) lands on the right moment.
//   GET  /__live/<id>                     state: {now, edge, sequence, pins, ended, stalled}
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
export const EPOCH = Date.parse('2025-03-01T18:00:00.000Z');
const q = (s) => String(s).replace(/["\r\n]/g, '');

/** @param {{streams?: Record<string, {window?: number, startAt?: number, pdt?: 'wall'}>}} [options] */
export function liveSim({ streams: presets = {} } = {}) {
  /** @type {Map<string, any>} */
  const streams = new Map();
  const segments = new Map();

  function create(id, { window = 6, startAt, pdt } = presets[id] ?? {}) {
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

  function playlist(s) {
    const last = lastSegment(now(s));
    const first = s.window ? Math.max(0, last - s.window + 1) : 0;
    const windowStart = first * SEG;
    const lines = ['#EXTM3U', '#EXT-X-VERSION:6', `#EXT-X-TARGETDURATION:${SEG}`, `#EXT-X-MEDIA-SEQUENCE:${first}`, `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / FILES)}`];
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
    for (let k = first; k <= last; k++) {
      if (k % FILES === 0 && k !== first) lines.push('#EXT-X-DISCONTINUITY');
      lines.push(`#EXT-X-PROGRAM-DATE-TIME:${iso(s, k * SEG)}`, `#EXTINF:${SEG.toFixed(6)},`, `${k}.ts`);
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

  return async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let m = url.pathname.match(/^\/live\/([\w-]+)\/(?:index\.m3u8|(\d+)\.ts)$/);
    if (m && req.method === 'GET') {
      const s = streams.get(m[1]) ?? create(m[1]);
      if (m[2] === undefined) {
        res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl', 'cache-control': 'no-store' });
        res.end(playlist(s));
        return true;
      }
      const k = Number(m[2]);
      if (k > lastSegment(now(s))) return json(res, 404, { error: 'not produced yet' });
      const file = `seg${k % FILES}.ts`;
      if (!segments.has(file)) segments.set(file, await readFile(TS + file));
      res.writeHead(200, { 'content-type': 'video/mp2t', 'cache-control': 'no-store' });
      res.end(segments.get(file));
      return true;
    }
    m = url.pathname.match(/^\/__live\/([\w-]+)(?:\/(clock|pins|stock|raw|end|stall)(?:\/([^/]+))?)?$/);
    if (!m) return false;
    const [, id, action, arg] = m;
    if (!action && req.method === 'POST') {
      create(id, await body(req));
      return json(res, 200, { ok: true });
    }
    const s = streams.get(id) ?? create(id);
    const t = now(s);
    if (!action) return json(res, 200, { now: t, edge: (lastSegment(t) + 1) * SEG, sequence: lastSegment(t), pins: s.pins.size, ended: s.ended, stalled: s.frozenAt !== null, epoch: s.epoch });
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
