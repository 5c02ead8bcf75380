// The package as published (after npm run build): side effects declared for every module that
// registers a tag, React only in the npm entries that ask for it, every export present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
const sources = readdirSync(`${ROOT}src`, { recursive: true }).filter((f) => f.endsWith('.ts')).map((f) => `src/${f}`);

test('sideEffects lists every module that registers a tag, as source and as build', () => {
  const registering = sources.filter((f) => f !== 'src/internal/base-element.ts' && /^\s*defineElement\(/m.test(readFileSync(ROOT + f, 'utf8')));
  assert.ok(registering.length >= 4);
  for (const f of registering) {
    assert.ok(pkg.sideEffects.includes(`./${f}`), `sideEffects lacks ./${f}`);
    assert.ok(pkg.sideEffects.includes(`./${f.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')}`), `sideEffects lacks the build of ${f}`);
  }
});

test('every export and the CDN fields exist in the build', () => {
  const targets = Object.values(pkg.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
  for (const t of targets.filter((t) => !t.includes('*'))) assert.ok(existsSync(ROOT + t), `${t} is built`);
  for (const field of ['unpkg', 'jsdelivr']) assert.equal(pkg[field], './dist/cdn/shoppable-video.js');
  assert.ok(existsSync(`${ROOT}LICENSE`) && /^MIT License/.test(readFileSync(`${ROOT}LICENSE`, 'utf8')));
  assert.equal(pkg.scripts.prepack, 'npm run build');
});

test('React is in neither the script-tag build nor the console build', () => {
  for (const dir of ['dist/cdn', 'dist/console']) {
    for (const f of readdirSync(ROOT + dir).filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(`${ROOT}${dir}/${f}`, 'utf8');
      assert.doesNotMatch(text, /react\.(element|transitional\.element|fragment)|createComponent|__SECRET_INTERNALS|react-dom/i, `${dir}/${f}`);
    }
  }
  // The npm build imports React by name, from the react entry only.
  const importers = readdirSync(`${ROOT}dist`, { recursive: true })
    .filter((f) => f.endsWith('.js') && !f.startsWith('cdn/') && !f.startsWith('console/'))
    .filter((f) => /from ['"](react|@lit\/react)['"]/.test(readFileSync(`${ROOT}dist/${f}`, 'utf8')));
  assert.deepEqual(importers, ['react/index.js']);
});

test('the react entry imports in Node without a DOM (server rendering)', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const mod = await import('../../dist/react/index.js');
  for (const name of ['ShoppableVideo', 'ShoppableProduct', 'ShoppableFeed']) assert.equal(typeof mod[name], 'object', name);
  assert.equal(mod.ShoppableVideo.displayName, 'ShoppableVideo');
});
