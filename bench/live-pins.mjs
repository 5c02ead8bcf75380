// Live pins benchmark: the delay from a pin's media time to its card (hotspot) on screen, and
// the network requests a viewer makes with and without pins in the stream. Uses the local live
// simulator (test/server/live-sim.mjs) and the built script-tag bundle. Needs `npm run build`.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS, browserHelp } from '../scripts/browser.mjs';
import { listen, staticFiles } from '../demo/static.mjs';
import { liveSim } from '../test/server/live-sim.mjs';

const PINS = Number(process.env.PINS) || 8;
const executablePath = findChromium();
if (!executablePath) {
  console.error(browserHelp());
  process.exit(1);
}
const handlers = [liveSim(), staticFiles([/^bench\/pages\//, /^dist\/cdn\//], 'bench/pages/live.html')];
const server = createServer(async (req, res) => {
  for (const h of handlers) if (await h(req, res)) return;
  res.writeHead(404).end();
});
const port = await listen(server, 8410);
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
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
await browser.close();
server.close();
