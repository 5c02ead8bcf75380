// Shared by pin-service.test.mjs (Node) and pin-service-workerd.test.mjs (workerd through
// miniflare): a local upstream serving test/fixtures/streams/, and the same assertions for both
// runtimes. Everything is on 127.0.0.1.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

const ROOT = new URL('../fixtures/streams/', import.meta.url);
export const TOKEN = 'test-token-0123456789abcdef';
const TYPES = { m3u8: 'application/vnd.apple.mpegurl', ts: 'video/mp2t' };

/** The packager's origin: the committed streams, plus a CRLF copy of the live playlist. */
export async function startUpstream() {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname.slice(1);
    try {
      let body;
      if (path === 'crlf/live.m3u8') body = Buffer.from((await readFile(new URL('live-window/live.m3u8', ROOT), 'utf8')).replace(/\n/g, '\r\n'));
      else if (/^[\w/.-]+$/.test(path) && !path.includes('..')) body = await readFile(new URL(path, ROOT));
      else throw new Error('bad path');
      res.writeHead(200, { 'content-type': TYPES[path.split('.').pop()] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': 'max-age=1' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

const auth = { authorization: `Bearer ${TOKEN}` };
const postPin = (base, body, headers = {}) =>
  fetch(new URL('pins', base), { method: 'POST', headers: { 'content-type': 'application/json', ...auth, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** Removes our DATERANGE lines (with their line ending) from a playlist. */
const withoutPins = (s) => s.replace(/#EXT-X-DATERANGE:ID="[^"]*",CLASS="com\.shoppable-video\.product"[^\r\n]*\r?\n/g, '');

/**
 * The runtime-independent assertions. `start({upstream, rateLimit})` starts a service and
 * resolves `{url, close}`.
 */
export function pinServiceSuite(runtime, start) {
  describe(`pin service in ${runtime}`, () => {
    let upstream;
    let svc;
    before(async () => {
      upstream = await startUpstream();
      svc = await start({ upstream: upstream.url, rateLimit: { max: 10_000, seconds: 60 } });
    });
    after(async () => {
      await svc?.close();
      await upstream?.close();
    });

    it('refuses the pin API without the token, or with a wrong one, as 401 with a JSON error', async () => {
      for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: 'Basic Zm9vOmJhcg==' }]) {
        const res = await fetch(new URL('pins', svc.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"productId":"tee"}' });
        assert.equal(res.status, 401);
        assert.match(res.headers.get('www-authenticate'), /^Bearer/);
        const body = await res.json();
        assert.equal(body.error.code, 'UNAUTHORIZED');
        assert.match(body.error.message, /token|Bearer/);
      }
      assert.equal((await fetch(new URL('pins', svc.url))).status, 401);
      assert.equal((await fetch(new URL('pins/x', svc.url), { method: 'DELETE' })).status, 401);
    });

    it('refuses malformed input with a clear error and the right status', async () => {
      const cases = [
        [await postPin(svc.url, '{"productId":'), 400, 'INVALID_JSON', /JSON/],
        [await postPin(svc.url, { productId: 'bad id!' }), 400, 'INVALID_INPUT', /productId/],
        [await postPin(svc.url, { productId: 'tee', x: 2 }), 400, 'INVALID_INPUT', /x must be a number from 0 to 1/],
        [await postPin(svc.url, { productId: 'tee', label: '<img src=x onerror=alert(1)>' }), 400, 'INVALID_INPUT', /"<"/],
        [await postPin(svc.url, { productId: 'tee', label: 'a"b' }), 400, 'INVALID_INPUT', /double quotes/],
        [await postPin(svc.url, { productId: 'tee', duration: 7 * 3600 }), 400, 'INVALID_INPUT', /6 hours/],
        [await postPin(svc.url, { productId: 'tee', label: 'x'.repeat(5000) }), 413, 'PAYLOAD_TOO_LARGE', /larger than/],
        [await postPin(svc.url, 'productId=tee', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE', /JSON/],
        [await fetch(new URL('pins/no-such-pin', svc.url), { method: 'DELETE', headers: auth }), 404, 'NOT_FOUND', /no-such-pin/],
        [await fetch(new URL('pins', svc.url), { method: 'PUT', headers: auth }), 405, 'METHOD_NOT_ALLOWED', /GET or POST/],
      ];
      for (const [res, status, code, message] of cases) {
        const body = await res.json();
        assert.equal(res.status, status, JSON.stringify(body));
        assert.equal(body.error.code, code);
        assert.match(body.error.message, message);
      }
      // Nothing malformed reached the store.
      const { pins } = await (await fetch(new URL('pins', svc.url), { headers: auth })).json();
      assert.equal(pins.length, 0);
    });

    it('adds the pins to media playlists and keeps every other byte (LF and CRLF)', async () => {
      const made = await postPin(svc.url, { productId: 'linen-overshirt', x: 0.35, y: 0.45, label: 'Only today', duration: 30 });
      assert.equal(made.status, 201);
      const { pin } = await made.json();
      assert.match(pin.id, /^[A-Za-z0-9._:-]{1,128}$/);
      assert.match(pin.start, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal(pin.live, true);
      const second = await (await postPin(svc.url, { productId: 'rose-serum' })).json();
      const ended = await fetch(new URL(`pins/${second.pin.id}`, svc.url), { method: 'DELETE', headers: auth });
      assert.equal(ended.status, 200);
      const { pin: endedPin } = await ended.json();
      assert.equal(endedPin.live, false);
      assert.ok(endedPin.end >= endedPin.start);

      for (const path of ['live-window/live.m3u8', 'crlf/live.m3u8']) {
        const direct = await (await fetch(new URL(path, upstream.url))).text();
        const res = await fetch(new URL(path, svc.url));
        assert.equal(res.status, 200);
        const served = await res.text();
        assert.equal(withoutPins(served), direct, `${path}: byte-identical apart from the added tags`);
        const eol = path.startsWith('crlf') ? '\r\n' : '\n';
        const lines = served.split(eol);
        const tags = lines.filter((l) => l.startsWith('#EXT-X-DATERANGE'));
        assert.deepEqual(tags, [
          `#EXT-X-DATERANGE:ID="${pin.id}",CLASS="com.shoppable-video.product",START-DATE="${pin.start}",X-PRODUCT-ID="linen-overshirt",DURATION=30,X-X=0.35,X-Y=0.45,X-LABEL="Only today"`,
          `#EXT-X-DATERANGE:ID="${second.pin.id}",CLASS="com.shoppable-video.product",START-DATE="${second.pin.start}",X-PRODUCT-ID="rose-serum"`,
          `#EXT-X-DATERANGE:ID="${second.pin.id}",CLASS="com.shoppable-video.product",START-DATE="${second.pin.start}",END-DATE="${endedPin.end}"`,
        ].sort((a, b) => served.indexOf(a) - served.indexOf(b)));
        // After the header, right before the first segment's tags.
        const first = lines.findIndex((l) => l.startsWith('#EXT-X-DATERANGE'));
        assert.equal(lines[first - 1], '#EXT-X-INDEPENDENT-SEGMENTS');
        assert.equal(lines[first + 3], '#EXT-X-PROGRAM-DATE-TIME:2026-03-14T19:40:08.000Z');
        // Half the target duration (2 s) for a CDN.
        assert.equal(res.headers.get('cache-control'), 'public, max-age=1');
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
      }
    });

    it('passes master playlists and segments through unchanged', async () => {
      for (const path of ['live-window/master.m3u8', 'ts/seg4.ts']) {
        const direct = Buffer.from(await (await fetch(new URL(path, upstream.url))).arrayBuffer());
        const res = await fetch(new URL(path, svc.url));
        assert.equal(res.status, 200);
        assert.ok(Buffer.from(await res.arrayBuffer()).equals(direct), path);
      }
      const missing = await fetch(new URL('ts/nope.ts', svc.url));
      assert.equal(missing.status, 404);
      await missing.arrayBuffer();
    });

    it('lands all of 50 pins posted at once', async () => {
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => postPin(svc.url, { productId: `p-${i}` })));
      const ids = [];
      for (const res of responses) {
        assert.equal(res.status, 201);
        ids.push((await res.json()).pin.id);
      }
      assert.equal(new Set(ids).size, 50);
      const { pins } = await (await fetch(new URL('pins', svc.url), { headers: auth })).json();
      for (const id of ids) assert.ok(pins.some((p) => p.id === id), `pin ${id} is stored`);
      const playlist = await (await fetch(new URL('live-window/live.m3u8', svc.url))).text();
      for (let i = 0; i < 50; i++) assert.ok(playlist.includes(`X-PRODUCT-ID="p-${i}"`), `p-${i} is in the playlist`);
    });

    it('answers a CORS preflight for the pin API', async () => {
      const res = await fetch(new URL('pins', svc.url), { method: 'OPTIONS', headers: { origin: 'http://shop.localhost', 'access-control-request-method': 'POST' } });
      assert.equal(res.status, 204);
      assert.match(res.headers.get('access-control-allow-headers'), /authorization/);
    });

    it('rate-limits the pin API per token with 429 and Retry-After', async () => {
      const limited = await start({ upstream: upstream.url, rateLimit: { max: 3, seconds: 60 } });
      try {
        const statuses = [];
        let last;
        for (let i = 0; i < 5; i++) {
          last = await fetch(new URL('pins', limited.url), { headers: auth });
          statuses.push(last.status);
          if (last.status !== 429) await last.arrayBuffer();
        }
        assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
        assert.equal((await last.json()).error.code, 'RATE_LIMITED');
        assert.ok(Number(last.headers.get('retry-after')) >= 1);
        // Playlists are never rate-limited (the CDN asks for them).
        assert.equal((await fetch(new URL('live-window/live.m3u8', limited.url))).status, 200);
      } finally {
        await limited.close();
      }
    });
  });
}
