// Importing the package on a server (SSR, a build step, a test in Node) must not touch the
// DOM. Runs with node's own test runner against the built output (npm run build first).
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the npm entry imports in Node without a DOM', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const mod = await import('../../dist/index.js');
  assert.equal(typeof mod.ShoppableVideoElement, 'function');
  assert.equal(typeof mod.defineElement, 'function');
});

test('the define entry imports in Node and registers nothing', async () => {
  const mod = await import('../../dist/define.js');
  assert.equal(typeof mod.ShoppableVideoElement, 'function');
});


test('without a test browser, npm test says how to get one', async () => {
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(process.execPath, ['scripts/check-browser.mjs'], {
    env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    encoding: 'utf8',
  });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /CHROMIUM_PATH is set to "\/nonexistent\/chromium", but no browser exists there/);
  assert.match(run.stderr, /apt-get install -y chromium/);
});
