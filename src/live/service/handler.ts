/**
 * The pin service as one Web-standard fetch handler (`Request → Response`): the same code runs
 * in Node (`node.ts`, the CLI) and unchanged on edge runtimes (`cloudflare.ts`). No Node-only API.
 *
 *   GET  /<path>.m3u8      upstream playlist; media playlists get the pins' DATERANGE tags
 *   GET  /<path>           anything else (segments, keys, master playlists) passes through
 *   GET  /pins             {pins: [...]}                       (bearer token)
 *   POST /pins             {productId, x?, y?, label?, duration?} → 201 {pin}   (bearer token)
 *   DELETE /pins/:id       ends the pin (END-DATE) → 200 {pin}  (bearer token)
 *   GET  /console          the host's console page
 */
import { isLive, pinEndsAt, type Pin } from './pins.js';
import { MemoryPinStore, type PinStore } from './store.js';
import { checkPinInput, ID_PATTERN } from './validate.js';
import { insertTags, pinsToTags, scanPlaylist } from './wire.js';
import { consolePage, type ConsolePageOptions } from './console-page.js';

export interface RateLimit {
  /** Requests allowed per token per window. */
  max: number;
  /** Window length in ms. */
  windowMs: number;
}

export interface PinServiceOptions {
  /** Base URL of the packager's origin; request paths resolve under it. */
  upstream: string | URL;
  /** The bearer token the pin API requires (at least 16 characters). */
  token: string;
  /** Where pins are kept; an in-memory store when omitted. */
  store?: PinStore;
  /** Clock in ms since epoch (tests). */
  now?: () => number;
  /** Pin API requests per token; default 120 per minute. `false` turns it off. */
  rateLimit?: RateLimit | false;
  /** CORS: `"*"` (default: best for CDN caching) or the origins allowed (the player's, the console's). */
  allowOrigin?: string | readonly string[];
  /** Largest pin API body in bytes; default 4096. */
  maxBodyBytes?: number;
  /** Largest upstream playlist in bytes; default 4 MiB. */
  maxPlaylistBytes?: number;
  /** How many pins may be open (live) at once; default 200. */
  maxOpenPins?: number;
  /** Ended pins are kept for the playlist window plus this many seconds; default 60. */
  retainMarginSeconds?: number;
  /** The fetch used for the upstream (tests, custom agents); default `globalThis.fetch`. */
  fetch?: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** The console page at `/console`; `false` to turn it off. */
  console?: ConsolePageOptions | false;
  /** Serves `/console/*` (the console's script); return undefined for 404. */
  assets?: (path: string, request: Request) => Promise<Response | undefined>;
}

export type PinServiceHandler = (request: Request) => Promise<Response>;

export type ErrorCode =
  | 'UNAUTHORIZED'
  | 'INVALID_JSON'
  | 'INVALID_INPUT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PIN_EXISTS'
  | 'TOO_MANY_PINS'
  | 'UPSTREAM_UNREACHABLE'
  | 'UPSTREAM_TOO_LARGE'
  | 'STORE_FAILED';

const DEFAULT_WINDOW_SECONDS = 3600;
const enc = new TextEncoder();

/** Reads at most `max` bytes of a body; undefined when it is longer. */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function sha256(s: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(s)));
}

/** Compares two digests in time independent of where they differ. */
function sameDigest(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length && i < b.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

function newPinId(now: number): string {
  const rand = new Uint8Array(6);
  crypto.getRandomValues(rand);
  return `pin-${now.toString(36)}-${[...rand].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function createPinService(options: PinServiceOptions): PinServiceHandler {
  if (typeof options.token !== 'string' || options.token.length < 16) {
    throw new TypeError('createPinService: token must be a string of at least 16 characters.');
  }
  const base = new URL(String(options.upstream));
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const store = options.store ?? new MemoryPinStore();
  const now = options.now ?? Date.now;
  const limit = options.rateLimit === undefined ? { max: 120, windowMs: 60_000 } : options.rateLimit;
  const maxBody = options.maxBodyBytes ?? 4096;
  const maxPlaylist = options.maxPlaylistBytes ?? 4 * 1024 * 1024;
  const maxOpen = options.maxOpenPins ?? 200;
  const margin = options.retainMarginSeconds ?? 60;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const origins = options.allowOrigin ?? '*';
  const tokenDigest = sha256(options.token);
  /** The longest window seen in a media playlist (seconds): how long ended pins stay. */
  let windowSeconds = 0;
  /** Fixed-window counters per presented token (digest) or for unauthenticated callers. */
  const buckets = new Map<string, { start: number; count: number }>();

  const cors = (request: Request, headers: Headers): Headers => {
    const origin = request.headers.get('origin');
    if (origins === '*') headers.set('access-control-allow-origin', '*');
    else {
      headers.append('vary', 'Origin');
      const list = typeof origins === 'string' ? [origins] : origins;
      if (origin && list.includes(origin)) headers.set('access-control-allow-origin', origin);
    }
    headers.set('access-control-expose-headers', 'retry-after, content-length, content-range');
    return headers;
  };

  const json = (request: Request, status: number, body: unknown, extra: Record<string, string> = {}): Response => {
    const headers = cors(request, new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra }));
    return new Response(JSON.stringify(body), { status, headers });
  };
  const fail = (request: Request, status: number, code: ErrorCode, message: string, extra?: Record<string, string>) =>
    json(request, status, { error: { code, message } }, extra);

  const cutoff = (t: number) => t - ((windowSeconds || DEFAULT_WINDOW_SECONDS) + margin) * 1000;

  /** Counts a request in its bucket; returns seconds to wait when over the limit. */
  const overLimit = (key: string): number => {
    if (!limit) return 0;
    const t = now();
    let b = buckets.get(key);
    if (!b || t - b.start >= limit.windowMs) {
      if (buckets.size > 1000) buckets.clear(); // bounded: stale keys go all at once
      b = { start: t, count: 0 };
      buckets.set(key, b);
    }
    b.count++;
    return b.count > limit.max ? Math.max(1, Math.ceil((b.start + limit.windowMs - t) / 1000)) : 0;
  };

  const authorize = async (request: Request): Promise<Response | undefined> => {
    const header = request.headers.get('authorization') ?? '';
    const m = /^Bearer[ ]+([\x21-\x7e]{1,512})$/i.exec(header.trim());
    const presented = m ? await sha256(m[1]!) : undefined;
    const ok = presented ? sameDigest(presented, await tokenDigest) : false;
    const key = ok ? `t:${[...presented!].slice(0, 8).join('.')}` : 'unauthenticated';
    const wait = overLimit(key);
    if (wait) return fail(request, 429, 'RATE_LIMITED', `Too many requests; try again in ${wait} s.`, { 'retry-after': String(wait) });
    if (!ok) {
      return fail(
        request,
        401,
        'UNAUTHORIZED',
        m ? 'The token is not valid for this pin service.' : 'Send the service token as "Authorization: Bearer <token>".',
        { 'www-authenticate': 'Bearer realm="pins"' },
      );
    }
    return undefined;
  };

  const view = (pin: Pin, t: number) => ({ ...pin, live: isLive(pin, t) });

  const pinsApi = async (request: Request, id: string | undefined): Promise<Response> => {
    const method = request.method;
    const allowed = id === undefined ? ['GET', 'POST'] : ['DELETE'];
    if (!allowed.includes(method)) return fail(request, 405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here; use ${allowed.join(' or ')}.`, { allow: allowed.join(', ') });
    const denied = await authorize(request);
    if (denied) return denied;
    const t = now();
    try {
      await store.prune(cutoff(t));
      if (method === 'GET') {
        const pins = (await store.list()).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
        return json(request, 200, { pins: pins.map((p) => view(p, t)) });
      }
      if (method === 'DELETE') {
        if (!ID_PATTERN.test(id!)) return fail(request, 400, 'INVALID_INPUT', 'A pin id is 1–128 characters of A–Z, a–z, 0–9, ".", "_", ":" or "-".');
        const pin = await store.end(id!, t);
        if (!pin) return fail(request, 404, 'NOT_FOUND', `No pin with id "${id}".`);
        return json(request, 200, { pin: view(pin, t) });
      }
      // POST
      const type = request.headers.get('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) return fail(request, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the pin as JSON (Content-Type: application/json).');
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (declared > maxBody) return fail(request, 413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${maxBody} bytes.`);
      const bytes = await readCapped(request.body, maxBody);
      if (!bytes) return fail(request, 413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${maxBody} bytes.`);
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        return fail(request, 400, 'INVALID_JSON', 'The body is not valid UTF-8 JSON.');
      }
      const checked = checkPinInput(body);
      if (!checked.ok) return fail(request, 400, 'INVALID_INPUT', checked.message);
      const pin: Pin = { id: newPinId(t), start: new Date(t).toISOString(), ...checked.value };
      const added = await store.add(pin, maxOpen, t);
      if (added === 'full') return fail(request, 409, 'TOO_MANY_PINS', `${maxOpen} pins are live already; end one first.`);
      if (added === 'exists') return fail(request, 409, 'PIN_EXISTS', 'A pin with this id exists; try again.');
      return json(request, 201, { pin: view(pin, t) }, { location: `pins/${pin.id}` });
    } catch (e) {
      console.error(`[shoppable-video pins] store failed: ${String(e).slice(0, 200)}`);
      return fail(request, 503, 'STORE_FAILED', 'The pin store did not answer; try again.');
    }
  };

  const proxy = async (request: Request, url: URL): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return fail(request, 405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed here; playlists and segments are GET.`, { allow: 'GET, HEAD' });
    }
    const target = new URL(url.pathname.slice(1) + url.search, base);
    if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) return fail(request, 404, 'NOT_FOUND', 'Not found.');
    const forward = new Headers();
    for (const h of ['accept', 'range', 'if-none-match', 'if-modified-since']) {
      const v = request.headers.get(h);
      if (v) forward.set(h, v);
    }
    const isPlaylistPath = /\.m3u8?$/i.test(url.pathname);
    let up: Response;
    try {
      up = await doFetch(target.href, { method: request.method, headers: forward, redirect: 'follow' });
    } catch {
      return fail(request, 502, 'UPSTREAM_UNREACHABLE', 'The stream origin did not answer.');
    }
    const headers = new Headers();
    for (const h of ['content-type', 'content-length', 'content-range', 'accept-ranges', 'cache-control', 'etag', 'last-modified', 'expires', 'age']) {
      const v = up.headers.get(h);
      if (v) headers.set(h, v);
    }
    cors(request, headers);
    const type = up.headers.get('content-type') ?? '';
    const isPlaylist = isPlaylistPath || /mpegurl/i.test(type);
    if (!isPlaylist || request.method === 'HEAD' || up.status !== 200) {
      return new Response(request.method === 'HEAD' ? null : up.body, { status: up.status, headers });
    }
    const declared = Number(up.headers.get('content-length') ?? '0');
    const bytes = declared > maxPlaylist ? undefined : await readCapped(up.body, maxPlaylist);
    if (!bytes) return fail(request, 502, 'UPSTREAM_TOO_LARGE', `The upstream playlist is larger than ${maxPlaylist} bytes.`);
    const scan = scanPlaylist(bytes);
    if (!scan.media) return new Response(bytes, { status: 200, headers });
    if (scan.windowSeconds > windowSeconds) windowSeconds = Math.min(scan.windowSeconds, 6 * 3600);
    let pins: Pin[];
    try {
      pins = await store.list();
    } catch (e) {
      // Viewers keep watching: the playlist goes out without pins rather than failing.
      console.error(`[shoppable-video pins] store failed while serving a playlist: ${String(e).slice(0, 200)}`);
      pins = [];
    }
    const keepAfter = cutoff(now());
    const tags = pinsToTags(pins.filter((p) => (pinEndsAt(p) ?? Infinity) >= keepAfter));
    const out = insertTags(bytes, scan, tags);
    headers.delete('content-length');
    headers.delete('etag');
    headers.delete('last-modified');
    headers.delete('expires');
    headers.delete('age');
    // A CDN may serve this for about half a target duration: every viewer still sees a new pin
    // within one playlist reload, and origin requests stay per edge, not per viewer.
    const maxAge = Math.max(1, Math.round((scan.targetDuration ?? 2) / 2));
    headers.set('cache-control', `public, max-age=${maxAge}`);
    if (!headers.has('content-type')) headers.set('content-type', 'application/vnd.apple.mpegurl');
    return new Response(out, { status: 200, headers });
  };

  return async (request: Request): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('bad request', { status: 400 });
    }
    if (request.method === 'OPTIONS') {
      const headers = cors(request, new Headers({
        'access-control-allow-methods': 'GET, HEAD, POST, DELETE, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type, range',
        'access-control-max-age': '600',
      }));
      return new Response(null, { status: 204, headers });
    }
    const path = url.pathname;
    if (path === '/pins' || path === '/pins/') return pinsApi(request, undefined);
    if (path.startsWith('/pins/')) return pinsApi(request, decodeURIComponent(path.slice(6)));
    if (options.console !== false && (path === '/console' || path === '/console/')) {
      return new Response(consolePage(options.console ?? {}), {
        status: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'x-frame-options': 'DENY',
          'referrer-policy': 'no-referrer',
          'x-content-type-options': 'nosniff',
        },
      });
    }
    if (path.startsWith('/console/')) {
      const asset = options.console !== false && options.assets ? await options.assets(path.slice(9), request) : undefined;
      return asset ?? fail(request, 404, 'NOT_FOUND', 'Not found.');
    }
    return proxy(request, url);
  };
}
