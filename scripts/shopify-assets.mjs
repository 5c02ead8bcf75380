// `npm run shopify:assets`: copies the SDK's script-tag build (dist/cdn/*.js, from
// `npm run build`) into the Shopify theme app extension's assets/ folder, beside the loader
// (integrations/shopify/assets/shoppable-loader.js), which loads shoppable-video.js from there;
// the entry loads its lazy chunks from beside itself. Build output: never committed (.gitignore).
// Source maps stay out (the extension has a size limit and shoppers do not need them).
// Stale chunks from an earlier build are removed first: hashed names would pile up.
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const FROM = 'dist/cdn';
const TO = 'integrations/shopify/assets';
const KEEP = new Set(['shoppable-loader.js']);

if (!existsSync(join(FROM, 'shoppable-video.js'))) {
  console.error(`${FROM}/shoppable-video.js is missing: run \`npm run build\` first.`);
  process.exit(1);
}
for (const f of readdirSync(TO)) if (!KEEP.has(f)) rmSync(join(TO, f), { recursive: true, force: true });

let total = 0;
let count = 0;
for (const f of readdirSync(FROM)) {
  if (!f.endsWith('.js') || !statSync(join(FROM, f)).isFile()) continue;
  copyFileSync(join(FROM, f), join(TO, f));
  total += statSync(join(TO, f)).size;
  count++;
}
const loader = gzipSync(readFileSync(join(TO, 'shoppable-loader.js')), { level: 9 }).length;
console.log(`Copied ${count} files (${(total / 1000).toFixed(0)} KB) from ${FROM} to ${TO}; the loader is ${loader} B gzip.`);
