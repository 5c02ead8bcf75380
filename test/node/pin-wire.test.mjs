// The DATERANGE serializer and the playlist splice, on their own (npm run build first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pinTags, pinsToTags, scanPlaylist, insertTags } from '../../dist/live/service/wire.js';
import { endPin } from '../../dist/live/service/pins.js';
import { checkPinInput } from '../../dist/live/service/validate.js';

const LIVE = readFileSync(new URL('../fixtures/streams/live-window/live.m3u8', import.meta.url));
const bytes = (s) => new TextEncoder().encode(s);
const text = (b) => new TextDecoder().decode(b);

test('a pin becomes one DATERANGE tag in the documented attribute order', () => {
  const tags = pinTags({ id: 'pin-1', productId: 'linen-overshirt', start: '2026-03-14T19:40:12.345Z', duration: 30, x: 0.35, y: 0.4501, label: 'Only today' });
  assert.deepEqual(tags, [
    '#EXT-X-DATERANGE:ID="pin-1",CLASS="com.shoppable-video.product",START-DATE="2026-03-14T19:40:12.345Z",X-PRODUCT-ID="linen-overshirt",DURATION=30,X-X=0.35,X-Y=0.4501,X-LABEL="Only today"',
  ]);
});

test('an ended pin adds a second tag with the same ID, CLASS and START-DATE and an END-DATE', () => {
  const pin = endPin({ id: 'p2', productId: 'tee', start: '2026-03-14T19:40:12.000Z' }, Date.parse('2026-03-14T19:40:20.500Z'));
  assert.deepEqual(pinTags(pin), [
    '#EXT-X-DATERANGE:ID="p2",CLASS="com.shoppable-video.product",START-DATE="2026-03-14T19:40:12.000Z",X-PRODUCT-ID="tee"',
    '#EXT-X-DATERANGE:ID="p2",CLASS="com.shoppable-video.product",START-DATE="2026-03-14T19:40:12.000Z",END-DATE="2026-03-14T19:40:20.500Z"',
  ]);
});

test('ending a pin whose DURATION already ran out keeps START-DATE + DURATION as its END-DATE', () => {
  const pin = endPin({ id: 'p3', productId: 'tee', start: '2026-03-14T19:40:00.000Z', duration: 5 }, Date.parse('2026-03-14T19:41:00.000Z'));
  assert.equal(pin.end, '2026-03-14T19:40:05.000Z');
  assert.equal(endPin(pin, Date.parse('2026-03-14T19:50:00.000Z')), pin, 'ending twice changes nothing');
});

test('decimals never use exponents and are rounded (HLS decimal-floating-point)', () => {
  const [tag] = pinTags({ id: 'p', productId: 'a', start: '2026-01-01T00:00:00.000Z', x: 1e-7, y: 1, duration: 0.0004 });
  assert.match(tag, /DURATION=0(,|$)/);
  assert.match(tag, /X-X=0,X-Y=1$/);
  assert.doesNotMatch(tag, /=[\d.]+e[-+]?\d/);
});

test('the serializer refuses a quote or line break that validation should have stopped', () => {
  assert.throws(() => pinTags({ id: 'p', productId: 'a', start: '2026-01-01T00:00:00.000Z', label: 'a"b' }));
  assert.throws(() => pinTags({ id: 'p', productId: 'a', start: '2026-01-01T00:00:00.000Z', label: 'a\nb' }));
});

test('tags are ordered by START-DATE, then id', () => {
  const tags = pinsToTags([
    { id: 'b', productId: 'x', start: '2026-01-01T00:00:02.000Z' },
    { id: 'c', productId: 'x', start: '2026-01-01T00:00:01.000Z' },
    { id: 'a', productId: 'x', start: '2026-01-01T00:00:02.000Z' },
  ]);
  assert.deepEqual(tags.map((t) => /ID="(\w)"/.exec(t)[1]), ['c', 'a', 'b']);
});

test('tags go after the header, before the first segment tag, and every upstream byte stays', () => {
  const scan = scanPlaylist(LIVE);
  assert.equal(scan.media, true);
  assert.equal(scan.targetDuration, 2);
  assert.equal(scan.windowSeconds, 12);
  const out = text(insertTags(LIVE, scan, ['#EXT-X-DATERANGE:ID="a"']));
  const src = text(LIVE);
  const at = src.indexOf('#EXT-X-PROGRAM-DATE-TIME');
  assert.equal(out, src.slice(0, at) + '#EXT-X-DATERANGE:ID="a"\n' + src.slice(at));
});

test('CRLF playlists get CRLF tags; a playlist without a final line break is completed, not changed', () => {
  const crlf = bytes('#EXTM3U\r\n#EXT-X-TARGETDURATION:6\r\n#EXTINF:6,\r\nseg.ts\r\n');
  const scan = scanPlaylist(crlf);
  assert.equal(scan.eol, '\r\n');
  assert.equal(scan.targetDuration, 6);
  assert.equal(text(insertTags(crlf, scan, ['#T'])), '#EXTM3U\r\n#EXT-X-TARGETDURATION:6\r\n#T\r\n#EXTINF:6,\r\nseg.ts\r\n');
  const noSegments = bytes('#EXTM3U\n#EXT-X-TARGETDURATION:4');
  assert.equal(text(insertTags(noSegments, scanPlaylist(noSegments), ['#T'])), '#EXTM3U\n#EXT-X-TARGETDURATION:4\n#T\n');
});

test('packager DATERANGEs, EXT-X-MAP and URIs all count as the start of the segment list', () => {
  for (const first of ['#EXT-X-MAP:URI="init.mp4"', '#EXT-X-DATERANGE:ID="ad"', '#EXT-X-KEY:METHOD=NONE', 'seg0.ts']) {
    const b = bytes(`#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:7\n${first}\n#EXTINF:2,\nseg0.ts\n`);
    assert.equal(text(b).slice(scanPlaylist(b).insertAt).split('\n')[0], first);
  }
});

test('a master playlist is not a media playlist', () => {
  const master = readFileSync(new URL('../fixtures/streams/live-window/master.m3u8', import.meta.url));
  assert.equal(scanPlaylist(master).media, false);
});

test('scanning is linear: a 4 MB playlist of 200,000 segments scans in one pass', () => {
  const big = bytes('#EXTM3U\n#EXT-X-TARGETDURATION:2\n' + '#EXTINF:2,\ns.ts\n'.repeat(200_000));
  const scan = scanPlaylist(big);
  assert.equal(scan.windowSeconds, 400_000);
});

test('pin input: the documented limits', () => {
  const ok = (b) => assert.equal(checkPinInput(b).ok, true, JSON.stringify(b));
  const bad = (b, re) => {
    const r = checkPinInput(b);
    assert.equal(r.ok, false, JSON.stringify(b));
    assert.match(r.message, re);
  };
  ok({ productId: 'a.b_c:d-1' });
  ok({ productId: 'x'.repeat(128), x: 0, y: 1, label: 'x'.repeat(120), duration: 6 * 3600 });
  bad({}, /productId/);
  bad({ productId: 'x'.repeat(129) }, /productId/);
  bad({ productId: 'a b' }, /productId/);
  bad({ productId: 'a', x: 1.01 }, /x must be/);
  bad({ productId: 'a', y: -0.1 }, /y must be/);
  bad({ productId: 'a', x: '0.5' }, /x must be/);
  bad({ productId: 'a', label: 'x'.repeat(121) }, /120/);
  bad({ productId: 'a', label: 'say "hi"' }, /double quotes/);
  bad({ productId: 'a', label: 'line\nbreak' }, /line breaks/);
  bad({ productId: 'a', label: '<b>sale</b>' }, /"<"/);
  bad({ productId: 'a', duration: 0 }, /duration/);
  bad({ productId: 'a', duration: 6 * 3600 + 1 }, /duration/);
  bad({ productId: 'a', price: 1 }, /Unknown field "price"/);
  bad([], /JSON object/);
});
