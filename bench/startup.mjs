// Start-up benchmark: time to first frame, JavaScript downloaded and the longest main-thread
// task, for the hand-wired hls.js page and the shoppable-video page, side by side, cold cache,
// on loopback and on a 4G-like link (150 ms RTT, 9 Mbps). Prints medians. Needs `npm run build`.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS, browserHelp } from '../scripts/browser.mjs';
import { ROOT, listen, staticFiles } from '../demo/static.mjs';

const RUNS = Number(process.env.RUNS) || 7;
const SRC = '/test/fixtures/streams/fmp4/master.m3u8';
const PAGES = {
  'hls.js by hand': '/bench/pages/hlsjs.html',
  'shoppable-video': '/bench/pages/player.html',
};
const LINKS = {
  loopback: null,
  '4G-like': { offline: false, latency: 150, downloadThroughput: (9e6 / 8) | 0, uploadThroughput: (3e6 / 8) | 0 },
};

const executablePath = findChromium();
if (!executablePath) {
  console.error(browserHelp());
  process.exit(1);
}

const serve = staticFiles([/^bench\/pages\//, /^dist\/cdn\//, /^node_modules\/hls\.js\/dist\//, /^test\/fixtures\/streams\//], 'bench/pages/player.html');
const server = createServer(async (req, res) => {
  if (!(await serve(req, res))) res.writeHead(404).end();
});
const port = await listen(server, 8400);
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });

const gz = new Map();
const gzSize = (path) => {
  if (!gz.has(path)) gz.set(path, gzipSync(readFileSync(join(ROOT, path)), { level: 9 }).length);
  return gz.get(path);
};

async function once(page, link) {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const tab = await context.newPage();
  if (link) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', link);
  }
  await tab.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await tab.goto(`${origin}${page}?src=${encodeURIComponent(SRC)}`);
  await tab.waitForFunction(() => window.__ttff, null, { timeout: 30_000 });
  const result = await tab.evaluate(() => ({
    ttff: window.__ttff,
    longest: window.__longest,
    scripts: performance.getEntriesByType('resource').filter((e) => /\.m?js$/.test(new URL(e.name).pathname)).map((e) => new URL(e.name).pathname),
  }));
  await context.close();
  const js = result.scripts.reduce((sum, p) => sum + gzSize(p.slice(1)), 0);
  return { ttff: result.ttff, longest: result.longest, js };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1];
};

console.log(`Start-up, fMP4 3-rendition stream, cold cache, median of ${RUNS} runs (Chromium ${browser.version()})\n`);
for (const [linkName, link] of Object.entries(LINKS)) {
  const rows = {};
  for (let i = 0; i < RUNS; i++) {
    for (const [name, page] of Object.entries(PAGES)) (rows[name] ??= []).push(await once(page, link));
  }
  const base = median(rows['hls.js by hand'].map((r) => r.ttff));
  console.log(`${linkName}:`);
  for (const [name, rs] of Object.entries(rows)) {
    const ttff = median(rs.map((r) => r.ttff));
    console.log(
      `  ${name.padEnd(16)} first frame ${ttff.toFixed(0).padStart(5)} ms (${(ttff / base).toFixed(2)}×)` +
        `  JS ${(median(rs.map((r) => r.js)) / 1000).toFixed(1).padStart(6)} KB gzip` +
        `  longest task ${median(rs.map((r) => r.longest)).toFixed(0).padStart(3)} ms`,
    );
  }
  console.log('');
}
await browser.close();
server.close();
