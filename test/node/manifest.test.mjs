// The element manifest (dist/custom-elements.json, made by `npm run build` from the JSDoc) and
// what is made from it: the tables in docs/, the VS Code custom data, the event types, the
// overlay's parts. Run after `npm run build` (npm test does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { docs, elements, readManifest, vscode } from '../../scripts/manifest.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const read = (path) => readFileSync(ROOT + path, 'utf8');
const manifest = readManifest();
const els = elements(manifest);
const sorted = (names) => [...new Set(names)].sort();

test('every tag registered with defineElement() is in the manifest, with its class', () => {
  const registered = new Map();
  for (const f of readdirSync(`${ROOT}src`, { recursive: true }).filter((f) => f.endsWith('.ts'))) {
    for (const [, tag, klass] of read(`src/${f}`).matchAll(/defineElement\('([a-z-]+)', (\w+)\)/g)) registered.set(tag, klass);
  }
  assert.ok(registered.size >= 5, 'defineElement calls found');
  assert.deepEqual(new Map([...els].map(([tag, el]) => [tag, el.name])), registered);
  const definitions = manifest.modules.flatMap((m) => m.exports ?? []).filter((e) => e.kind === 'custom-element-definition');
  for (const d of definitions) assert.ok(existsSync(ROOT + d.declaration.module), `${d.name}: ${d.declaration.module} is built`);
});

test('package.json points at the manifest', () => {
  const pkg = JSON.parse(read('package.json'));
  assert.equal(pkg.customElements, 'dist/custom-elements.json');
  assert.equal(pkg.exports['./custom-elements.json'], './dist/custom-elements.json');
});

test('the docs tables are the manifest (node scripts/manifest.mjs docs rewrites them)', () => {
  const all = docs(manifest);
  assert.deepEqual(sorted(all.map(([f]) => f)), ['docs/overlay.md', 'docs/player.md']);
  for (const [file, now, rendered] of all) assert.equal(now, rendered, `${file} differs from the JSDoc`);
});

test('every element documents its attributes, and every attribute has a description', () => {
  for (const [tag, el] of els) {
    for (const a of el.attributes ?? []) assert.ok(a.description, `<${tag} ${a.name}> has no description`);
    for (const p of el.cssParts ?? []) assert.ok(p.description, `<${tag}>::part(${p.name}) has no description`);
  }
  const player = els.get('shoppable-video');
  for (const a of ['src', 'show', 'checkout', 'storefront-token', 'allowed-origins', 'pause-on-card']) assert.ok(player.attributes.some((x) => x.name === a), a);
  assert.ok(!els.get('shoppable-feed').attributes.some((a) => a.name === 'stories'), 'internal state is no attribute');
});

test("the overlay's parts are OVERLAY_PARTS, and the player exports them all", () => {
  const list = sorted([...read('src/overlay/parts.ts').matchAll(/^ {2}'([a-z-]+)',$/gm)].map((m) => m[1]));
  assert.equal(list.length, 24);
  assert.deepEqual(sorted(els.get('shoppable-overlay').cssParts.map((p) => p.name)), list);
  const player = new Set(els.get('shoppable-video').cssParts.map((p) => p.name));
  for (const p of list) assert.ok(player.has(p), `the player's manifest lacks the overlay's part ${p}`);
});

/** `export interface Name extends A, B { 'sv-x': CustomEvent<T>; … }` in src/events.ts, extends resolved. */
function eventMaps() {
  const raw = new Map();
  for (const [, name, ext, body] of read('src/events.ts').matchAll(/export interface (\w+)(?: extends ([\w, ]+))? \{([\s\S]*?)\n\}/g)) {
    raw.set(name, { ext: ext ? ext.split(/,\s*/) : [], own: new Map([...body.matchAll(/'(sv-[a-z-]+)': (.+);/g)].map((m) => [m[1], m[2]])) });
  }
  const full = (name) => new Map([...raw.get(name).ext.flatMap((e) => [...full(e)]), ...raw.get(name).own]);
  return Object.fromEntries([...raw.keys()].map((n) => [n, full(n)]));
}

test("each element's sv-* events and their types are its map in src/events.ts", () => {
  const maps = eventMaps();
  for (const [tag, map] of [['shoppable-video', 'ShoppableVideoEventMap'], ['shoppable-feed', 'ShoppableFeedEventMap'], ['shoppable-pin-console', 'ShoppablePinConsoleEventMap']]) {
    const events = new Map(els.get(tag).events.filter((e) => e.name.startsWith('sv-')).map((e) => [e.name, e.type?.text]));
    assert.deepEqual(new Map([...events].sort()), new Map([...maps[map]].sort()), `<${tag}> @event JSDoc vs ${map}`);
  }
});

test('VS Code custom data: the page-level tags, their attributes and values, the custom properties and parts', () => {
  const { html, css } = vscode(manifest);
  assert.deepEqual(sorted(html.tags.map((t) => t.name)), ['shoppable-feed', 'shoppable-pin-console', 'shoppable-product', 'shoppable-video']);
  const player = html.tags.find((t) => t.name === 'shoppable-video');
  assert.deepEqual(player.attributes.find((a) => a.name === 'preload').values, [{ name: 'none' }, { name: 'metadata' }, { name: 'auto' }]);
  assert.equal(player.attributes.find((a) => a.name === 'autoplay').valueSet, 'v');
  assert.ok(css.properties.some((p) => p.name === '--sv-card-background' && /#fff/.test(p.description)));
  assert.ok(css.pseudoElements.some((p) => p.name === '::part(card)'));
  // The build writes them where package.json says.
  const pkg = JSON.parse(read('package.json'));
  assert.deepEqual(JSON.parse(read('dist/vscode/html-custom-data.json')), html);
  assert.deepEqual(JSON.parse(read('dist/vscode/css-custom-data.json')), css);
  assert.equal(pkg.exports['./vscode/html-custom-data.json'], './dist/vscode/html-custom-data.json');
});
