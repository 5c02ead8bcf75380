// Start-up benchmark (issue 11): first frame of four pages side by side — hls.js wired by hand
// (its ES module build bundled and minified with esbuild: the strongest baseline), hls.js's UMD
// hls.min.js in a classic script, <shoppable-video> alone, and <shoppable-video> with a show (a
// cue at 0 s) and checkout="shopify" against the local storefront — cold cache, on loopback
// and on a 4G-like link (150 ms RTT, 9 Mbps), pages alternated within each round. Prints one
// Markdown table per link (docs/performance.md keeps the latest). Needs `npm run build`.
//
// The stream (the 3-rendition fMP4 fixture, playlists gzip-compressed) comes from a second
// local origin, as from a CDN; the pages, the scripts and the store from the page's origin.
// Every page is measured by the same init script:
//   first frame  the first requestVideoFrameCallback of any <video> (in the page or a shadow
//                root), its `now` (the frame's time)
//   JS           min+gzip -9 of every script (.js/.mjs) downloaded before the first frame
//   longest task the longest main-thread task (Long Tasks API: over 50 ms, else 0) from
//                navigation to the first frame, or to the first card on the show page
//   CLS          the layout shifts from navigation to the first frame / the first card
//   cue → card   the show page: the frame in which the 0-s cue's hotspot is first laid out,
//                minus the first frame (for a cue at 0 s its start is the first frame)
// RUNS=9 for more runs; ONLY=regex / LINK=regex to pick pages / links; VERBOSE=1 adds when hls.js, the first segment and the show chunk arrived.
import { createServer } from 'node:http';
import { readFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS, browserHelp } from '../scripts/browser.mjs';
import { ROOT, listen, staticFiles } from '../demo/static.mjs';
import { createStorefront } from '../test/server/storefront/index.mjs';

const RUNS = Number(process.env.RUNS) || 7;
const VERBOSE = Boolean(process.env.VERBOSE);
const SRC = '/test/fixtures/streams/fmp4/master.m3u8';
const BASE = 'hls.js by hand (ESM, bundled)';
const PAGES = {
  [BASE]: '/bench/pages/hlsjs-esm.html',
  'hls.js by hand (UMD hls.min.js)': '/bench/pages/hlsjs.html',
  '`<shoppable-video>`': '/bench/pages/player.html',
  '`<shoppable-video>` + show + checkout': '/bench/pages/show.html',
};
const SHOW = '/bench/pages/show.html';
const LINKS = {
  loopback: null,
  '4G-like (150 ms RTT, 9 Mbps)': { offline: false, latency: 150, downloadThroughput: (9e6 / 8) | 0, uploadThroughput: (3e6 / 8) | 0 },
};

const executablePath = findChromium();
if (!executablePath) {
  console.error(browserHelp());
  process.exit(1);
}

// The baseline's script: hls.js's ESM build (package "module"/"exports") bundled and minified.
mkdirSync(join(ROOT, 'bench/.build'), { recursive: true });
await build({
  entryPoints: [join(ROOT, 'bench/pages/hlsjs-esm.js')],
  outfile: join(ROOT, 'bench/.build/hlsjs-esm.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  logLevel: 'warning',
});

const pages = staticFiles([/^bench\/pages\//, /^bench\/\.build\//, /^dist\/cdn\//, /^node_modules\/hls\.js\/dist\//, /^docs\/examples\/images\//], 'bench/pages/player.html');
const store = createStorefront();
const pageServer = createServer(async (req, res) => {
  if (!(await store(req, res)) && !(await pages(req, res))) res.writeHead(404).end();
});
const streams = staticFiles([/^test\/fixtures\/streams\//], 'x');
const streamServer = createServer(async (req, res) => {
  res.setHeader('access-control-allow-origin', '*');
  if (!(await streams(req, res))) res.writeHead(404).end();
});
const origin = `http://127.0.0.1:${await listen(pageServer, 8400)}`;
const streamOrigin = `http://127.0.0.1:${await listen(streamServer, 8420)}`;
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });

const gz = new Map();
const gzSize = (path) => {
  if (!gz.has(path)) gz.set(path, gzipSync(readFileSync(join(ROOT, path)), { level: 9 }).length);
  return gz.get(path);
};

/** Runs in every page before its scripts: the same measures for all rows. */
function measure() {
  const m = (window.__bench = { ttff: 0, card: 0, tasks: [], shifts: [] });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) m.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (!e.hadRecentInput) m.shifts.push([e.startTime, e.value]);
  }).observe({ type: 'layout-shift', buffered: true });
  const roots = [document];
  const seen = new WeakSet();
  const scan = (root) => {
    for (const v of root.querySelectorAll('video')) {
      if (seen.has(v)) continue;
      seen.add(v);
      v.requestVideoFrameCallback((now) => (m.ttff ||= now));
    }
  };
  const watch = (root) => new MutationObserver(() => scan(root)).observe(root, { childList: true, subtree: true });
  watch(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    watch(root);
    return root;
  };
  // The first frame in which a cue's hotspot or teaser is laid out (rAF time = that frame's time).
  const tick = (now) => {
    for (const r of roots) {
      const el = r.querySelector('[part~="hotspot"], [part~="teaser"]');
      const box = el?.getBoundingClientRect();
      if (box?.width && box.height) return void (m.card = now);
    }
    if (now < 20_000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function once(page, link) {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const tab = await context.newPage();
  if (link) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', link);
  }
  await tab.addInitScript(measure);
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.goto(`${origin}${page}?src=${encodeURIComponent(streamOrigin + SRC)}`);
  const show = page === SHOW;
  await tab.waitForFunction((show) => window.__bench.ttff && (!show || window.__bench.card), show, { timeout: 30_000, polling: 50 });
  const r = await tab.evaluate((show) => {
    const m = window.__bench;
    const until = show ? Math.max(m.card, m.ttff) : m.ttff;
    const resources = performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, end: e.responseEnd, script: e.initiatorType === 'script' || e.initiatorType === 'link' }));
    return {
      ttff: m.ttff,
      card: show ? m.card - m.ttff : NaN,
      longest: Math.max(0, ...m.tasks.filter(([t]) => t < until).map(([, d]) => d)),
      cls: m.shifts.filter(([t]) => t <= until).reduce((s, [, v]) => s + v, 0),
      // Scripts only: a store's `/products/{handle}.js` (Shopify's product JSON, fetched) is data.
      scripts: resources.filter((e) => e.script && /\.m?js$/.test(e.path) && e.end <= m.ttff).map((e) => e.path),
      resources,
    };
  }, show);
  await context.close();
  if (errors.length) console.warn(`  (${page}: ${errors.join('; ')})`);
  const at = (re) => r.resources.find((e) => re.test(e.path))?.end ?? NaN;
  return {
    ...r,
    js: r.scripts.reduce((sum, p) => sum + gzSize(p.slice(1)), 0),
    hlsAt: at(/\/(hls[^/]*|hlsjs-esm)\.js$/),
    segAt: at(/_seg0\.m4s$/),
    showAt: at(/\/show-[^/]*\.js$/),
  };
}

const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1] : NaN;
};
const ms = (x) => (Number.isNaN(x) ? '–' : `${x.toFixed(0)}`);

console.log(`Start-up: fMP4 3-rendition stream (playlists gzip), cold cache, median of ${RUNS} runs, Chromium ${browser.version()}\n`);
// ONLY / LINK (regular expressions) pick pages and links while investigating; the baseline always runs.
const only = new RegExp(process.env.ONLY ?? '');
const names = Object.keys(PAGES).filter((n) => n === BASE || only.test(n));
for (const [linkName, link] of Object.entries(LINKS).filter(([n]) => new RegExp(process.env.LINK ?? '').test(n))) {
  const rows = {};
  for (let i = 0; i < RUNS; i++) {
    // Alternate pages within each round, starting each round with the next page.
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      (rows[name] ??= []).push(await once(PAGES[name], link));
    }
  }
  const base = median(rows[BASE].map((r) => r.ttff));
  console.log(`${linkName}:\n`);
  console.log('| page | first frame | ratio | JS gzip before first frame | scripts | longest task | CLS | cue at 0 s → card |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const name of names) {
    const rs = rows[name];
    const ttff = median(rs.map((r) => r.ttff));
    const card = median(rs.map((r) => r.card));
    console.log(
      `| ${name} | ${ms(ttff)} ms | ${(ttff / base).toFixed(2)}× | ${(median(rs.map((r) => r.js)) / 1000).toFixed(1)} KB | ${median(rs.map((r) => r.scripts.length))} ` +
        `| ${ms(median(rs.map((r) => r.longest)))} ms (max ${ms(Math.max(...rs.map((r) => r.longest)))}) | ${median(rs.map((r) => r.cls)).toFixed(3)} (max ${Math.max(...rs.map((r) => r.cls)).toFixed(3)}) ` +
        `| ${Number.isNaN(card) ? '–' : `${ms(card)} ms (max ${ms(Math.max(...rs.map((r) => r.card)))})`} |`,
    );
  }
  if (VERBOSE) {
    console.log('\nmedians (ms from navigation): hls.js script arrived, first video segment arrived, show chunk arrived, first frame; every run\'s first frame');
    for (const name of names) {
      const rs = rows[name];
      console.log(`  ${name.padEnd(38)} hls ${ms(median(rs.map((r) => r.hlsAt)))}  seg0 ${ms(median(rs.map((r) => r.segAt)))}  show ${ms(median(rs.map((r) => r.showAt)))}  ttff ${ms(median(rs.map((r) => r.ttff)))}   [${rs.map((r) => ms(r.ttff)).join(' ')}]`);
    }
  }
  console.log('');
}
await browser.close();
pageServer.close();
streamServer.close();
