// Prints the min+gzip size of what a page downloads before playback starts (the script-tag
// entry and every chunk it imports statically) and of each lazy chunk; fails over budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const DIR = 'dist/cdn';
const ENTRY = 'shoppable-video.js';
const BUDGET = 20_000; // bytes, min+gzip

const gz = (file) => gzipSync(readFileSync(join(DIR, file)), { level: 9 }).length;
const staticImports = (file) =>
  [...readFileSync(join(DIR, file), 'utf8').matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+)["']/g)].map((m) => m[1]);

const initial = new Set();
const walk = (file) => {
  if (initial.has(file)) return;
  initial.add(file);
  staticImports(file).forEach(walk);
};
walk(ENTRY);

const kb = (n) => `${(n / 1000).toFixed(1).padStart(6)} KB`;
let total = 0;
console.log('Initial script (loaded by the page):');
for (const f of initial) {
  const n = gz(f);
  total += n;
  console.log(`  ${kb(n)}  ${f}`);
}
console.log('Lazy chunks (loaded on demand):');
for (const f of readdirSync(DIR).filter((f) => f.endsWith('.js') && !initial.has(f)).sort()) {
  console.log(`  ${kb(gz(f))}  ${f}`);
}
const ok = total <= BUDGET;
console.log(`\nInitial total: ${kb(total).trim()} min+gzip (budget ${BUDGET / 1000} KB) — ${ok ? 'OK' : 'OVER BUDGET'}`);
process.exit(ok ? 0 : 1);
