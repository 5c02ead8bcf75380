/**
 * The wire format of product pins in a media playlist (docs/live.md):
 *   #EXT-X-DATERANGE:ID="…",CLASS="com.shoppable-video.product",START-DATE="…",X-PRODUCT-ID="…"[,DURATION=…][,X-X=…][,X-Y=…][,X-LABEL="…"]
 * and, once a pin is ended, a second tag with the same ID, CLASS and START-DATE plus END-DATE.
 * Tags go after the playlist's header tags, right before the first media-segment tag; every
 * other byte of the upstream playlist is kept as it is (line endings, BOM, comments).
 */
import type { Pin } from './pins.js';

export const PIN_CLASS = 'com.shoppable-video.product';
export const STOCK_CLASS = 'com.shoppable-video.stock';

/** A decimal-floating-point attribute value: no exponent, at most `digits` decimals. */
export function decimal(n: number, digits: number): string {
  const s = n.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Quoted-string attribute value; the service validated it, this only refuses what HLS forbids. */
function quoted(s: string): string {
  if (/["\r\n]/.test(s)) throw new Error('quoted-string attribute contains a double quote or line break');
  return `"${s}"`;
}

/** The DATERANGE line(s) for one pin: the pin itself and, once it has ended, its END-DATE tag. */
export function pinTags(pin: Pin): string[] {
  const head = `#EXT-X-DATERANGE:ID=${quoted(pin.id)},CLASS="${PIN_CLASS}",START-DATE=${quoted(pin.start)}`;
  let tag = `${head},X-PRODUCT-ID=${quoted(pin.productId)}`;
  if (pin.duration !== undefined) tag += `,DURATION=${decimal(pin.duration, 3)}`;
  if (pin.x !== undefined) tag += `,X-X=${decimal(pin.x, 4)}`;
  if (pin.y !== undefined) tag += `,X-Y=${decimal(pin.y, 4)}`;
  if (pin.label !== undefined) tag += `,X-LABEL=${quoted(pin.label)}`;
  return pin.end ? [tag, `${head},END-DATE=${quoted(pin.end)}`] : [tag];
}

/** Every tag for a list of pins, in START-DATE order (ties: id), so output is stable. */
export function pinsToTags(pins: readonly Pin[]): string[] {
  const sorted = [...pins].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.flatMap(pinTags);
}

// Tags that belong to a media segment (RFC 8216bis 4.4.4 and 4.4.5): the first of these, or a
// URI line, starts the segment list. EXT-X-DATERANGE is among them so ours precede any the
// packager wrote.
const SEGMENT_TAGS = [
  '#EXTINF',
  '#EXT-X-BYTERANGE',
  '#EXT-X-DISCONTINUITY',
  '#EXT-X-KEY',
  '#EXT-X-MAP',
  '#EXT-X-PROGRAM-DATE-TIME',
  '#EXT-X-GAP',
  '#EXT-X-BITRATE',
  '#EXT-X-PART',
  '#EXT-X-DATERANGE',
  '#EXT-X-SKIP',
  '#EXT-X-PRELOAD-HINT',
  '#EXT-X-RENDITION-REPORT',
];

const enc = new TextEncoder();
const dec = new TextDecoder();

/** What the service needs to know about an upstream playlist, found in one linear pass. */
export interface PlaylistScan {
  /** A media playlist (has EXT-X-TARGETDURATION); master playlists are passed through. */
  media: boolean;
  /** EXT-X-TARGETDURATION in seconds, if present. */
  targetDuration?: number;
  /** Byte offset where our tags go (start of the first segment line, or the end). */
  insertAt: number;
  /** The line ending the playlist uses ("\r\n" or "\n"). */
  eol: string;
  /** Sum of EXTINF durations: how much media the window holds, in seconds. */
  windowSeconds: number;
}

/** Scans playlist bytes once (linear time; lines are only decoded when they start with `#EXT`). */
export function scanPlaylist(bytes: Uint8Array): PlaylistScan {
  const scan: PlaylistScan = { media: false, insertAt: -1, eol: '\n', windowSeconds: 0 };
  let lineStart = 0;
  let first = true;
  const n = bytes.length;
  while (lineStart <= n) {
    let end = bytes.indexOf(0x0a, lineStart);
    if (end === -1) end = n;
    let contentEnd = end;
    if (contentEnd > lineStart && bytes[contentEnd - 1] === 0x0d) {
      contentEnd--;
      if (first && end < n) scan.eol = '\r\n';
    }
    if (first && end < n) first = false;
    if (contentEnd > lineStart) {
      const isTag = bytes[lineStart] === 0x23; // '#'
      if (!isTag) {
        if (scan.insertAt < 0) scan.insertAt = lineStart;
      } else if (bytes[lineStart + 1] === 0x45 && bytes[lineStart + 2] === 0x58 && bytes[lineStart + 3] === 0x54) {
        // '#EXT…': decode at most the first 64 bytes, enough for every value we read.
        const line = dec.decode(bytes.subarray(lineStart, Math.min(contentEnd, lineStart + 64)));
        if (scan.insertAt < 0 && SEGMENT_TAGS.some((t) => line.startsWith(t) && /^[:\s]?$/.test(line.charAt(t.length)))) {
          scan.insertAt = lineStart;
        }
        if (line.startsWith('#EXT-X-TARGETDURATION:')) {
          scan.media = true;
          const td = Number(line.slice(22).trim());
          if (Number.isFinite(td) && td > 0) scan.targetDuration = td;
        } else if (line.startsWith('#EXTINF:')) {
          const d = parseFloat(line.slice(8));
          if (Number.isFinite(d) && d > 0 && d < 86_400) scan.windowSeconds += d;
        }
      }
    }
    if (end === n) break;
    lineStart = end + 1;
  }
  if (scan.insertAt < 0) scan.insertAt = n;
  return scan;
}

/**
 * The upstream playlist with `tags` inserted at `scan.insertAt`, each ending with the
 * playlist's own line ending. Every upstream byte is kept. When the playlist does not end
 * with a line break and the tags go at its very end, a line break is added first.
 */
export function insertTags(bytes: Uint8Array<ArrayBuffer>, scan: PlaylistScan, tags: readonly string[]): Uint8Array<ArrayBuffer> {
  if (!tags.length) return bytes;
  let text = tags.map((t) => t + scan.eol).join('');
  const at = scan.insertAt;
  if (at === bytes.length && at > 0 && bytes[at - 1] !== 0x0a) text = scan.eol + text;
  const add = enc.encode(text);
  const out = new Uint8Array(bytes.length + add.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(add, at);
  out.set(bytes.subarray(at), at + add.length);
  return out;
}
