// The Shopify theme app extension (integrations/shopify/): Shopify's own linter,
// theme-check (@shopify/theme-check-node, with its theme-app-extension rules: it picks them
// from shopify.extension.toml), reports nothing; and the JavaScript the extension makes every
// page load stays within Shopify's recommendation of 10 KB compressed per asset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { check } from '@shopify/theme-check-node';

const ROOT = new URL('../../integrations/shopify/', import.meta.url).pathname;
const LIMIT = 10_000; // bytes, compressed (Shopify: AssetSizeAppBlockJavaScript, theme app extensions)

const describe = (offenses) => offenses.map((o) => `${o.check} ${o.uri.split('/integrations/shopify/').pop() ?? o.uri}:${(o.start?.line ?? 0) + 1} ${o.message}`).join('\n');

/** The extension's source files only (the SDK build copied into assets/ is not linted, as on Shopify). */
function sourceCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'sv-shopify-'));
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !/\/assets\/(?!shoppable-loader\.js$)[^/]+$/.test(src) });
  return dir;
}

test('theme-check reports nothing on the extension', async () => {
  const dir = sourceCopy();
  try {
    const offenses = await check(dir);
    assert.equal(describe(offenses), '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('theme-check does run the app-extension rules (a broken copy is reported)', async () => {
  const dir = sourceCopy();
  try {
    const block = join(dir, 'blocks/shoppable-video.liquid');
    writeFileSync(block, readFileSync(block, 'utf8').replace("{{ 'notice.no_video' | t }}", "{{ 'notice.missing' | t }}"));
    const checks = (await check(dir)).map((o) => o.check);
    assert.deepEqual(checks, ['TranslationKeyExists']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every JavaScript asset a block loads is the loader, under 10 KB compressed', () => {
  const blocks = readdirSync(join(ROOT, 'blocks')).filter((f) => f.endsWith('.liquid'));
  const scripts = new Set();
  for (const f of blocks) {
    const liquid = readFileSync(join(ROOT, 'blocks', f), 'utf8');
    const schema = JSON.parse(liquid.match(/{%\s*schema\s*%}([\s\S]*?){%\s*endschema\s*%}/)[1]);
    assert.ok(['body', 'section'].includes(schema.target), `${f}: target ${schema.target}`);
    for (const js of [schema.javascript].flat().filter(Boolean)) scripts.add(js);
    // No script tags of its own: Shopify loads schema assets once per page.
    assert.doesNotMatch(liquid, /<script\b[^>]*\bsrc=/i, `${f} loads a script itself`);
  }
  assert.deepEqual([...scripts], ['shoppable-loader.js']);
  const source = readFileSync(join(ROOT, 'assets/shoppable-loader.js'));
  const gz = gzipSync(source, { level: 9 }).length;
  console.log(`# shoppable-loader.js: ${source.length} B, ${gz} B gzip (limit ${LIMIT} B compressed)`);
  assert.ok(gz <= LIMIT, `the loader is ${gz} B gzip`);
  assert.ok(source.length <= LIMIT, `the loader is ${source.length} B (theme-check measures the file as it is)`);
});

test('shopify.extension.toml declares a theme extension', () => {
  const toml = readFileSync(join(ROOT, 'shopify.extension.toml'), 'utf8');
  assert.match(toml, /^type = "theme"$/m);
  assert.match(toml, /^name = "[\w-]+"$/m);
});
