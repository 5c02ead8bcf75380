// Feed benchmark (issue 12): prints figures, asserts nothing. Needs `npm run build`.
//  - JavaScript a page downloads: a feed of 24 tiles (with its one muted preview) vs one player
//  - the feed chunk's size
//  - time from a tap on a tile (open) and from "next" to the story's first frame, on loopback
//  - media pipelines alive (videos holding a Media Source) while swiping through 24 stories
//  - main-thread tasks over 50 ms and layout shift while scrolling the carousel and swiping
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS, browserHelp } from '../scripts/browser.mjs';
import { ROOT, listen, staticFiles } from '../demo/static.mjs';

const RUNS = Number(process.env.RUNS) || 5;
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
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });

const gzSize = (path) => gzipSync(readFileSync(join(ROOT, path)), { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

/** Long tasks and layout shifts from the start of the page. */
const observe = () => {
  window.__long = [];
  window.__cls = 0;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && (window.__cls += e.value))).observe({ type: 'layout-shift', buffered: true });
};

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
const player = await pageJs(`/bench/pages/player.html?src=${encodeURIComponent(STORY)}`, () => window.__ttff);
const feedPage = await pageJs('/bench/pages/feed.html', () => {
  const feed = document.querySelector('shoppable-feed');
  return feed?.shadowRoot?.querySelector('.preview')?.playing;
});
const chunk = readdirSync(join(ROOT, 'dist/cdn')).find((f) => /^feed-.*\.js$/.test(f));
console.log(`Feed benchmark (Chromium ${browser.version()}, loopback, ${RUNS} runs for timings)\n`);
console.log('JavaScript downloaded (min+gzip -9)          initial script  feed chunk  playback (pipeline+hls.js)  other  total');
for (const [name, js] of [['one player, playing', player], ['feed of 24 tiles, one preview playing', feedPage]]) {
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
  // scroll the carousel end to end, by steps
  await tab.evaluate(async () => {
    const list = document.querySelector('shoppable-feed').shadowRoot.querySelector('.list');
    for (let x = 0; x <= list.scrollWidth; x += 120) {
      list.scrollLeft = x;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    list.scrollLeft = 0;
  });
  const afterScroll = await tab.evaluate(() => ({ long: window.__long.filter((d) => d > 50).length, longest: Math.max(0, ...window.__long), cls: window.__cls }));
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
  const open = await timed(() => tab.mouse.click(box.x, box.y), 0);
  const next = [];
  let pipelines = 0;
  for (let i = 0; i < 23; i++) {
    // let the story play a moment (the next one prefetches meanwhile), as a shopper would
    await tab.waitForTimeout(400);
    next.push(await timed(() => tab.keyboard.press('ArrowDown'), i + 1));
    pipelines = Math.max(pipelines, await tab.evaluate(() => [...document.querySelector('shoppable-feed').shadowRoot.querySelectorAll('shoppable-video')].filter((p) => p.media?.src.startsWith('blob:')).length));
  }
  const end = await tab.evaluate(() => ({ long: window.__long.filter((d) => d > 50).length, longest: Math.max(0, ...window.__long), cls: window.__cls }));
  await tab.keyboard.press('Escape');
  await tab.waitForFunction(() => !document.querySelector('shoppable-feed').shadowRoot.querySelector('dialog').open);
  const afterClose = await tab.evaluate(() => [...document.querySelector('shoppable-feed').shadowRoot.querySelectorAll('.players > *')].length);
  await context.close();
  return { open, next: median(next), nextMax: Math.max(...next), pipelines, afterScroll, end, afterClose };
}

for (const [label, w, h] of [['desktop 1280x800', 1280, 800], ['phone 360x740', 360, 740]]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await session(w, h));
  console.log(`${label}:`);
  console.log(`  open (tap) to first frame      median ${median(runs.map((r) => r.open)).toFixed(0)} ms`);
  console.log(`  next (↓) to first frame        median ${median(runs.map((r) => r.next)).toFixed(0)} ms (worst of any run ${Math.max(...runs.map((r) => r.nextMax)).toFixed(0)} ms)`);
  console.log(`  pipelines alive (max)          ${Math.max(...runs.map((r) => r.pipelines))} (viewer players left after close: ${Math.max(...runs.map((r) => r.afterClose))})`);
  console.log(`  tasks > 50 ms                  scrolling ${Math.max(...runs.map((r) => r.afterScroll.long))}, whole session ${Math.max(...runs.map((r) => r.end.long))} (longest ${Math.max(...runs.map((r) => r.end.longest)).toFixed(0)} ms)`);
  console.log(`  CLS                            scrolling ${Math.max(...runs.map((r) => r.afterScroll.cls)).toFixed(3)}, whole session ${Math.max(...runs.map((r) => r.end.cls)).toFixed(3)}`);
}

await browser.close();
server.close();
