// Benchmark: bounded work on untrusted input. Prints how long the page is blocked by
//  - parseShow() on a 2.7 MB adversarial manifest (one product, tens of thousands of option
//    values and variants) and on one with 200,000 bad products (and how many console lines
//    the show controller's report would write for it: one per parse);
//  - the card's variant checks (isValueEnabled for every value, resolve) on a large product,
//    repeated as re-renders do;
//  - the start-up prefetch's playlist attribute parsing on an 80 KB attribute line.
// Bundles the sources in memory with esbuild and runs in Node (no DOM).
// Usage: node bench/parse.mjs   Prints figures; it is not a test and has no pass/fail.
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';

async function load(entry) {
  const { outputFiles } = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

const { parseShow, formatIssues } = await load('../src/timeline/manifest.ts');
const variants = await load('../src/overlay/variants.ts');
const { pickVariant } = await load('../src/player/prefetch.ts');

const time = (fn, runs = 1) => {
  let best = Infinity;
  let out;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = fn();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, out };
};
const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0)).padStart(8) + ' ms';
const mb = (s) => `${(s.length / 1e6).toFixed(1)} MB`;

// 1. One product with N option values and N variants (each variant checked against the values).
const N = 50_000;
const values = Array.from({ length: N }, (_, i) => `value-${i}`);
const big = JSON.stringify({
  version: '1.0',
  currency: 'USD',
  products: [{ id: 'p', title: 'Many variants', price: 100, options: [{ name: 'Size', values }], variants: values.map((v, i) => ({ id: `v${i}`, options: [v] })) }],
  cues: [{ productId: 'p', start: 0 }],
});
const kept = (r) => `${r.issues.length} issues, ${r.show.products.length} products and ${r.show.products.reduce((n, p) => n + (p.variants?.length ?? 0), 0)} variants kept`;
const j = time(() => JSON.parse(big), 3);
console.log(`JSON.parse alone, ${mb(big)} (for scale):${fmt(j.ms)}`);
const a = time(() => parseShow(big));
console.log(`parseShow, ${mb(big)}, one product, ${N} values × ${N} variants:${fmt(a.ms)}  (${kept(a.out)})`);

// 1b. The same size within the caps: 24 products of 2,048 values and 2,048 variants each.
const V = 2048;
const capped = JSON.stringify({
  version: '1.0',
  currency: 'USD',
  products: Array.from({ length: 24 }, (_, k) => {
    const vals = Array.from({ length: V }, (_, i) => `value-${i}`);
    return { id: `p${k}`, title: 'Many sizes', price: 100, options: [{ name: 'Size', values: vals }], variants: vals.map((v, i) => ({ id: `v${i}`, options: [v] })) };
  }),
  cues: [{ productId: 'p0', start: 0 }],
});
const a2 = time(() => parseShow(capped), 3);
console.log(`parseShow, ${mb(capped)}, 24 products × ${V} values × ${V} variants:${fmt(a2.ms)}  (${kept(a2.out)})`);

// 2. 200,000 bad products (two problems each) and a cue each.
const bad = JSON.stringify({
  version: '1.0',
  products: Array.from({ length: 200_000 }, (_, i) => ({ id: `p${i}`, price: 'x' })),
  cues: Array.from({ length: 200_000 }, (_, i) => ({ productId: `p${i}`, start: i })),
});
const b = time(() => {
  const r = parseShow(bad);
  // What the show controller writes to the console for it.
  return { ...r, line: formatIssues(r.issues) };
});
console.log(`parseShow, ${mb(bad)}, 200,000 bad products:${fmt(b.ms)}  (${b.out.issues.length} issues kept, console line ${b.out.line.length} characters)`);

// 3. The card's variant checks, as a render does them: every value of every axis, then resolve.
const axisValues = Array.from({ length: 2000 }, (_, i) => `c${i}`);
const product = {
  id: 'q',
  title: 'Many sizes',
  options: [{ name: 'Size', values: axisValues }],
  variants: axisValues.map((x, i) => ({ id: `v${i}`, options: [x], available: i % 7 !== 0 })),
};
const selection = variants.initialSelection(product);
const render = () => {
  let enabled = 0;
  product.options.forEach((o, axis) => o.values.forEach((v) => (enabled += variants.isValueEnabled(product, selection, axis, v) ? 1 : 0)));
  return enabled + (variants.resolve(product, selection).buyable ? 1 : 0);
};
render();
const c = time(render, 20);
console.log(`card variant checks, ${product.variants.length} variants, one render:${fmt(c.ms)}`);

// 4. An 80 KB attribute line in a master playlist (the prefetch reads it before hls.js does).
const line = `#EXT-X-STREAM-INF:BANDWIDTH=1000,${'A'.repeat(80_000)}`;
const master = `#EXTM3U\n${line}\nv.m3u8\n`;
const d = time(() => pickVariant(master, 'https://cdn.test/m.m3u8'));
console.log(`prefetch attribute parsing, 80 KB line:${fmt(d.ms)}`);
const many = `#EXTM3U\n${Array.from({ length: 10_000 }, (_, i) => `#EXT-X-STREAM-INF:BANDWIDTH=${i}\n#comment\nv${i}.m3u8`).join('\n')}\n`;
const e = time(() => pickVariant(many, 'https://cdn.test/m.m3u8'));
console.log(`prefetch variant list, 10,000 variants (${mb(many)}):${fmt(e.ms)}`);
