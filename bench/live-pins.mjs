// Live pins benchmark: the delay from a pin's media time to its card (hotspot) on screen, the
// network requests a viewer makes with and without pins in the stream, and the JS heap after six
// simulated hours of pins against after ten minutes (forced GC). Uses the local live simulator
// (test/server/live-sim.mjs) and the built script-tag bundle. Needs `npm run build`.
// MEMORY_ONLY=1 runs the memory figure alone.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/browser.mjs';
import { openLiveBench } from './live-harness.mjs';

const PINS = Number(process.env.PINS) || 8;
const { server, origin, browser } = await openLiveBench(8410);
const api = (id, path, body) => fetch(`${origin}/__live/${id}${path}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json());

async function session(id, withPins) {
  await api(id, '', { window: 10, startAt: 40 });
  const tab = await (await browser.newContext({ viewport: { width: 800, height: 600 } })).newPage();
  const requests = [];
  tab.on('console', (m) => m.type() === 'error' && console.error(`page: ${m.text()}`));
  tab.on('request', (r) => !/\.js$/.test(r.url()) && !/\.html/.test(r.url()) && requests.push(r.url()));
  await tab.goto(`${origin}/bench/pages/live.html?src=/live/${id}/index.m3u8`);
  await tab.waitForFunction(() => document.getElementById('p').playing, null, { timeout: 60_000 }).catch(async (e) => {
    console.error(await tab.evaluate(() => { const p = document.getElementById('p'); return JSON.stringify({ src: p.src, error: p.error, engine: p.engine, t: p.media?.currentTime }); }));
    throw e;
  });
  const started = Date.now();
  for (let i = 0; i < PINS; i++) {
    if (withPins) await api(id, '/pins', { id: `b${i}`, productId: i % 2 ? 'tee' : 'cap', duration: 1.5, x: 0.5, y: 0.5 });
    await new Promise((r) => setTimeout(r, 2000));
  }
  if (withPins) await tab.waitForFunction((n) => window.__delays.length >= n, PINS, { timeout: 30_000 });
  else await new Promise((r) => setTimeout(r, 8000));
  const seconds = (Date.now() - started) / 1000;
  const delays = await tab.evaluate(() => window.__delays);
  await tab.context().close();
  const other = requests.filter((u) => !new URL(u).pathname.startsWith('/live/'));
  return { requests: requests.length, other, perMinute: (requests.length / seconds) * 60, seconds, delays };
}

/**
 * Six hours of a live show's playlist updates, a 2 s segment each (10,800), handed to a playing
 * player as its pipeline hands them (the `sv-metadata` event on its <video>): a 60 s window, a pin
 * every 5 s and a stock update every 10 s (4,320 pins, 2,160 updates). The heap is read after a
 * forced GC (Chromium's --expose-gc, precise memory info) at ten minutes and every hour.
 */
async function memory() {
  const gcBrowser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });
  await api('bench-memory', '', { window: 10, startAt: 40 });
  const tab = await (await gcBrowser.newContext({ viewport: { width: 800, height: 600 } })).newPage();
  await tab.goto(`${origin}/bench/pages/live.html?src=/live/bench-memory/index.m3u8`);
  await tab.waitForFunction(() => document.getElementById('p').playing, null, { timeout: 60_000 });
  const result = await tab.evaluate(async () => {
    const p = document.getElementById('p');
    p.pause();
    const video = p.media;
    const T0 = Date.parse('2025-03-01T18:00:00.000Z');
    const iso = (t) => new Date(T0 + t * 1000).toISOString();
    const send = (detail) => video.dispatchEvent(new CustomEvent('sv-metadata', { detail }));
    const heap = async () => {
      for (let i = 0; i < 3; i++) {
        window.gc();
        await new Promise((r) => setTimeout(r, 50));
      }
      return performance.memory.usedJSHeapSize;
    };
    // Past the parser chunk's load (the first playlist with a pin loads it).
    send({ type: 'dateranges', ranges: [{ attrs: { ID: 'first', CLASS: 'com.shoppable-video.product', 'START-DATE': iso(0), 'X-PRODUCT-ID': 'tee', DURATION: '1' } }], anchors: [{ time: 0, date: T0 }], window: { start: 0, end: 2, ended: false } });
    await new Promise((r) => setTimeout(r, 1000));
    const win = 30;
    const out = { segments: 10_800, maxCues: 0, pins: 0, stock: 0, heap: {}, hours: [] };
    const started = performance.now();
    for (let seg = 0; seg < out.segments; seg++) {
      const from = Math.max(0, seg - win + 1);
      const ranges = [];
      for (let t = Math.ceil((from * 2) / 5) * 5; t <= seg * 2; t += 5) {
        ranges.push({ attrs: { ID: `p${t}`, CLASS: 'com.shoppable-video.product', 'START-DATE': iso(t), 'X-PRODUCT-ID': t % 10 ? 'tee' : 'cap' } });
        if (t % 10 === 0) ranges.push({ attrs: { ID: `s${t}`, CLASS: 'com.shoppable-video.stock', 'START-DATE': iso(t), 'X-PRODUCT-ID': 'tee', 'X-STOCK': String(t % 7) } });
      }
      const anchors = Array.from({ length: seg - from + 1 }, (_, i) => ({ time: (from + i) * 2, date: T0 + (from + i) * 2000 }));
      send({ type: 'dateranges', ranges, anchors, window: { start: from * 2, end: seg * 2 + 2, ended: false } });
      out.maxCues = Math.max(out.maxCues, p.timeline?.cues.length ?? 0);
      if (seg === 299) out.heap.tenMinutes = await heap();
      if ((seg + 1) % 1800 === 0) out.hours.push(await heap());
    }
    out.heap.sixHours = out.hours[5];
    out.pins = Math.floor((out.segments * 2) / 5);
    out.stock = Math.floor((out.segments * 2) / 10);
    out.ms = performance.now() - started;
    return out;
  });
  await gcBrowser.close();
  return result;
}

const MB = (b) => `${(b / 1e6).toFixed(2)} MB`;
const memoryLine = (m) =>
  `memory, six simulated hours of pins (${m.segments} playlist updates, ${m.pins} pins, ${m.stock} stock updates; at most ${m.maxCues} cues on the timeline), JS heap after forced GC: after 10 min ${MB(m.heap.tenMinutes)}, after 1–6 h ${m.hours.map(MB).join(', ')} (6 h − 10 min: ${((m.heap.sixHours - m.heap.tenMinutes) / 1e3).toFixed(0)} kB; ${(m.ms / 1000).toFixed(1)} s to run)`;
if (process.env.MEMORY_ONLY) {
  console.log(memoryLine(await memory()));
  await browser.close();
  server.close();
  process.exit(0);
}

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const without = await session('bench-none', false);
const withPins = await session('bench-pins', true);
const media = withPins.delays.map((d) => d.media * 1000);
const dom = withPins.delays.map((d) => d.dom);
console.log(`pins: ${withPins.delays.length}`);
console.log(`media-time delay, pin start → sv-product-appear: median ${median(media).toFixed(1)} ms, max ${Math.max(...media).toFixed(1)} ms (one frame at 24 fps = 41.7 ms)`);
console.log(`appear → hotspot in the overlay's DOM: median ${median(dom).toFixed(1)} ms, max ${Math.max(...dom).toFixed(1)} ms`);
console.log(`viewer requests per minute (playlists + segments): without pins ${without.perMinute.toFixed(1)}, with pins ${withPins.perMinute.toFixed(1)}`);
console.log(`requests other than the stream's playlists and segments: without pins ${without.other.length}, with pins ${withPins.other.length}${withPins.other.length ? ` (${withPins.other.join(', ')})` : ''}`);
console.log(memoryLine(await memory()));
await browser.close();
server.close();
