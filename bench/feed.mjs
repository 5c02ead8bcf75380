// Feed benchmark (issue 12): prints figures, asserts nothing. Needs `npm run build`.
//  - JavaScript a page downloads: a feed of 24 tiles (with its one muted preview) vs one player
//  - the feed chunk's size
//  - time from a tap on a tile (open) and from "next" to the story's first frame, on loopback
//  - media pipelines alive (videos holding a Media Source) while swiping through 24 stories
//  - main-thread tasks over 50 ms and layout shift, per phase: page load, scrolling the carousel
//    (until the preview has settled), the opening tap, swiping through the stories
//  - memory (JS heap after forced GC, DOM nodes, listeners) after swiping through 5 and 50 stories
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS, browserHelp } from '../scripts/browser.mjs';
import { ROOT, listen, staticFiles } from '../demo/static.mjs';

const RUNS = Number(process.env.RUNS) || 5;
/** ONLY=memory runs the memory part alone (ONLY=sessions the timings alone). */
const ONLY = process.env.ONLY ?? '';
const STORY = '/test/fixtures/streams/stories/linen-overshirt/master.m3u8';

const executablePath = findChromium();
if (!executablePath) {
  console.error(browserHelp());
  process.exit(1);
}
const serve = staticFiles([/^bench\/pages\//, /^dist\/cdn\//, /^test\/fixtures\/streams\//, /^docs\/examples\//], 'bench/pages/feed.html');
const server = createServer(async (req, res) => {
  if (!(await serve(req, res))) res.writeHead(404).end();
});
const port = await listen(server, 8420);
const origin = `http://127.0.0.1:${port}`;
// --expose-gc: the memory figures are taken after forced garbage collections.
const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });

const gzSize = (path) => gzipSync(readFileSync(join(ROOT, path)), { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

/** Long tasks and layout shifts from the start of the page, with their times (phases are windows of time). */
const observe = () => {
  window.__long = [];
  window.__shifts = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && window.__shifts.push([e.startTime, e.value]))).observe({ type: 'layout-shift', buffered: true });
};
/** Tasks over 50 ms (count, longest) and CLS between two page times. */
const phase = (tab, from, to = Infinity) =>
  tab.evaluate(([from, to]) => {
    const long = window.__long.filter(([t, d]) => t + d > from && t < to && d > 50).map(([, d]) => d);
    return { long: long.length, longest: Math.max(0, ...long), cls: window.__shifts.filter(([t]) => t >= from && t < to).reduce((n, [, v]) => n + v, 0) };
  }, [from, to]);
const now = (tab) => tab.evaluate(() => performance.now());

async function scripts(tab) {
  const paths = await tab.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /\.m?js$/.test(p)));
  return paths.map((p) => ({ file: p.split('/').pop(), size: gzSize(p.slice(1)) }));
}

const group = (list) => {
  const by = (re) => list.filter((s) => re.test(s.file)).reduce((n, s) => n + s.size, 0);
  return { initial: by(/^shoppable-video\.js$/), feed: by(/^feed-/), playback: by(/^(pipeline|hls)-/), other: list.filter((s) => !/^(shoppable-video\.js|feed-|pipeline-|hls-)/.test(s.file)).reduce((n, s) => n + s.size, 0), total: list.reduce((n, s) => n + s.size, 0) };
};

// ---- JavaScript: one player vs a feed of 24 tiles ----
async function pageJs(url, ready) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  await tab.goto(`${origin}${url}`);
  await tab.waitForFunction(ready, null, { timeout: 30_000 });
  const js = group(await scripts(tab));
  await context.close();
  return js;
}
const player = ONLY ? null : await pageJs(`/bench/pages/player.html?src=${encodeURIComponent(STORY)}`, () => window.__ttff);
const feedPage = ONLY ? null : await pageJs('/bench/pages/feed.html', () => {
  const feed = document.querySelector('shoppable-feed');
  return feed?.shadowRoot?.querySelector('.preview')?.playing;
});
const chunk = readdirSync(join(ROOT, 'dist/cdn')).find((f) => /^feed-.*\.js$/.test(f));
console.log(`Feed benchmark (Chromium ${browser.version()}, loopback, ${RUNS} runs for timings)\n`);
console.log('JavaScript downloaded (min+gzip -9)          initial script  feed chunk  playback (pipeline+hls.js)  other  total');
for (const [name, js] of ONLY ? [] : [['one player, playing', player], ['feed of 24 tiles, one preview playing', feedPage]]) {
  console.log(`  ${name.padEnd(42)} ${kb(js.initial).padStart(9)}  ${kb(js.feed).padStart(10)}  ${kb(js.playback).padStart(26)}  ${kb(js.other).padStart(5)}  ${kb(js.total).padStart(6)}`);
}
console.log(`Feed chunk: ${chunk} ${kb(gzSize(`dist/cdn/${chunk}`))} (budget 8 KB)\n`);

// ---- open / next to first frame, pipelines, long tasks, CLS ----
async function session(width, height) {
  const context = await browser.newContext({ viewport: { width, height } });
  const tab = await context.newPage();
  await tab.addInitScript(observe);
  await tab.goto(`${origin}/bench/pages/feed.html`);
  await tab.waitForFunction(() => document.querySelector('shoppable-feed')?.stories?.every?.(Boolean) && document.querySelector('shoppable-feed').stories.length === 24, null, { timeout: 30_000 });
  await tab.waitForFunction(() => document.querySelector('shoppable-feed').shadowRoot.querySelector('.preview')?.playing, null, { timeout: 30_000 });
  const loaded = await now(tab);
  const load = await phase(tab, 0, loaded);
  // scroll the carousel end to end, by steps, then back; the phase ends once the preview has settled
  const scrollFrom = await now(tab);
  await tab.evaluate(async () => {
    const list = document.querySelector('shoppable-feed').shadowRoot.querySelector('.list');
    for (let x = 0; x <= list.scrollWidth; x += 120) {
      list.scrollLeft = x;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    list.scrollLeft = 0;
  });
  await tab.waitForTimeout(300);
  await tab.waitForFunction(() => document.querySelector('shoppable-feed').shadowRoot.querySelector('.preview')?.playing, null, { timeout: 30_000 });
  await tab.waitForTimeout(500);
  const scroll = await phase(tab, scrollFrom, await now(tab));
  /** Arms a first-frame timer on the story about to be current, then runs `act`. */
  const timed = async (act, index) => {
    await tab.evaluate((index) => {
      window.__t0 = performance.now();
      window.__ff = 0;
      const feed = document.querySelector('shoppable-feed');
      const wait = () => {
        const p = feed.current === index && feed.shadowRoot.querySelector('.players > .current');
        if (!p?.media) return requestAnimationFrame(wait);
        p.media.requestVideoFrameCallback(() => (window.__ff = performance.now() - window.__t0));
      };
      requestAnimationFrame(wait);
    }, index);
    await act();
    await tab.waitForFunction(() => window.__ff, null, { timeout: 15_000 });
    return tab.evaluate(() => window.__ff);
  };
  const box = await tab.evaluate(() => {
    const b = document.querySelector('shoppable-feed').shadowRoot.querySelector('[part="tile-button"]').getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  const openFrom = await now(tab);
  const open = await timed(() => tab.mouse.click(box.x, box.y), 0);
  const next = [];
  let pipelines = 0;
  let swipeFrom = 0;
  for (let i = 0; i < 23; i++) {
    // let the story play a moment (the next one prefetches meanwhile), as a shopper would
    await tab.waitForTimeout(400);
    if (!i) swipeFrom = await now(tab);
    next.push(await timed(() => tab.keyboard.press('ArrowDown'), i + 1));
    pipelines = Math.max(pipelines, await tab.evaluate(() => [...document.querySelector('shoppable-feed').shadowRoot.querySelectorAll('shoppable-video')].filter((p) => p.media?.src.startsWith('blob:')).length));
  }
  const opening = await phase(tab, openFrom, swipeFrom);
  const swipe = await phase(tab, swipeFrom);
  await tab.keyboard.press('Escape');
  await tab.waitForFunction(() => !document.querySelector('shoppable-feed').shadowRoot.querySelector('dialog').open);
  const afterClose = await tab.evaluate(() => [...document.querySelector('shoppable-feed').shadowRoot.querySelectorAll('.players > *')].length);
  await context.close();
  return { open, next: median(next), nextMax: Math.max(...next), pipelines, load, scroll, opening, swipe, afterClose };
}

/** Memory after swiping through 5, 10, … 50 stories (forced GC; the same three players alive each time). */
async function memory(width, height) {
  const context = await browser.newContext({ viewport: { width, height } });
  const tab = await context.newPage();
  await tab.goto(`${origin}/bench/pages/feed.html?tiles=50`);
  await tab.waitForFunction(() => document.querySelector('shoppable-feed')?.stories?.length === 50 && document.querySelector('shoppable-feed').stories.every(Boolean), null, { timeout: 30_000 });
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Memory.getDOMCounters').catch(() => null);
  const measure = async () => {
    for (let i = 0; i < 3; i++) {
      await tab.evaluate(() => window.gc());
      await tab.waitForTimeout(200);
    }
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
  };
  const playing = (i) =>
    tab.waitForFunction(
      (i) => {
        const feed = document.querySelector('shoppable-feed');
        const p = feed.shadowRoot.querySelector('.players > .current');
        return feed.current === i && p?.show === feed.stories[i].show && p.playing;
      },
      i,
      { timeout: 30_000 },
    );
  await tab.evaluate(() => document.querySelector('shoppable-feed').open(0));
  const at = {};
  for (let i = 0; i < 50; i++) {
    await playing(i);
    await tab.waitForTimeout(300);
    if ([5, 10, 20, 30, 40, 50].includes(i + 1)) at[i + 1] = await measure();
    if (i < 49) await tab.evaluate(() => document.querySelector('shoppable-feed').next());
  }
  await context.close();
  return at;
}

for (const [label, w, h] of ONLY === 'memory' ? [] : [['desktop 1280x800', 1280, 800], ['phone 360x740', 360, 740]]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await session(w, h));
  console.log(`${label}:`);
  console.log(`  open (tap) to first frame      median ${median(runs.map((r) => r.open)).toFixed(0)} ms`);
  console.log(`  next (↓) to first frame        median ${median(runs.map((r) => r.next)).toFixed(0)} ms (worst of any run ${Math.max(...runs.map((r) => r.nextMax)).toFixed(0)} ms)`);
  console.log(`  pipelines alive (max)          ${Math.max(...runs.map((r) => r.pipelines))} (viewer players left after close: ${Math.max(...runs.map((r) => r.afterClose))})`);
  for (const name of ['load', 'scroll', 'opening', 'swipe']) {
    const what = { load: 'page load', scroll: 'scrolling the carousel', opening: 'the opening tap', swipe: 'swiping 23 stories' }[name];
    const long = runs.map((r) => r[name].long);
    console.log(`  ${what.padEnd(30)} tasks > 50 ms: ${Math.min(...long)}–${Math.max(...long)} per run (longest ${Math.max(...runs.map((r) => r[name].longest)).toFixed(0)} ms), CLS ${Math.max(...runs.map((r) => r[name].cls)).toFixed(3)}`);
  }
}
const mem = ONLY === 'sessions' ? null : await memory(1280, 800);
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
if (mem) {
  console.log('\nmemory after swiping (forced GC, desktop):');
  for (const n of Object.keys(mem).map(Number)) console.log(`  after ${String(n).padStart(2)} stories  JS heap ${mb(mem[n].heap)}, DOM nodes ${mem[n].nodes}, listeners ${mem[n].listeners}`);
  console.log(`  50 vs 5: JS heap ${((mem[50].heap / mem[5].heap - 1) * 100).toFixed(1)}%, DOM nodes ${((mem[50].nodes / mem[5].nodes - 1) * 100).toFixed(1)}%`);

}

await browser.close();
server.close();
