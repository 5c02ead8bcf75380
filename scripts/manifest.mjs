// What is made from dist/custom-elements.json (itself made from the JSDoc by
// `cem analyze`, see custom-elements-manifest.config.mjs):
//   node scripts/manifest.mjs vscode  writes dist/vscode/html-custom-data.json and css-custom-data.json
//   node scripts/manifest.mjs docs    rewrites the marked tables in docs/*.md
//   node scripts/manifest.mjs check   exits 1 when a marked table differs from the manifest
// A marked table is the region between `<!-- manifest TAG KIND [own] -->` and `<!-- /manifest -->`,
// KIND one of attributes, events, parts, cssproperties; `own` leaves out what the element
// takes from another (`@includes`, e.g. the overlay's parts on the player).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MANIFEST = `${ROOT}dist/custom-elements.json`;
const DOCS = `${ROOT}docs/`;

export function readManifest(path = MANIFEST) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every custom element of the manifest by tag. */
export function elements(manifest) {
  const out = new Map();
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.kind === 'class' && d.tagName) out.set(d.tagName, d);
  return out;
}

/** Table cell text: one line, `|` escaped (GitHub's tables read `\|` as `|`, in code spans too). */
const cell = (s = '') => String(s).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (s) => (s ? `\`${cell(s)}\`` : '');
/** `CustomEvent<CardDetail>` → `CardDetail`. */
const detailOf = (type) => /^CustomEvent<(.+)>$/.exec(type ?? '')?.[1] ?? '';

/** Rows with the same description (and type) are one row: the media events, `--sv-font, --sv-focus-ring`. */
function grouped(items, key) {
  const rows = [];
  for (const item of items) {
    const last = rows.at(-1);
    if (last && key(last.items[0]) === key(item)) last.items.push(item);
    else rows.push({ items: [item] });
  }
  return rows;
}

/** A Markdown table of one kind of an element's API. */
export function table(el, kind, own = false) {
  const pick = (list) => (list ?? []).filter((i) => !own || !i.inheritedFrom);
  const names = (items) => items.map((i) => code(i.name)).join(', ');
  switch (kind) {
    case 'attributes': {
      const lines = ['| attribute | property | type | default | meaning |', '| --- | --- | --- | --- | --- |'];
      for (const a of pick(el.attributes)) lines.push(`| ${code(a.name)} | ${code(a.fieldName)} | ${code(a.type?.text)} | ${code(a.default)} | ${cell(a.description)} |`);
      return lines;
    }
    case 'events': {
      const lines = ['| event | detail | when |', '| --- | --- | --- |'];
      for (const { items } of grouped(pick(el.events), (e) => `${e.type?.text}|${e.description}`)) {
        lines.push(`| ${names(items)} | ${code(detailOf(items[0].type?.text))} | ${cell(items[0].description)} |`);
      }
      return lines;
    }
    case 'parts': {
      const lines = ['| part | what |', '| --- | --- |'];
      for (const p of pick(el.cssParts)) lines.push(`| ${code(p.name)} | ${cell(p.description)} |`);
      return lines;
    }
    case 'cssproperties': {
      const lines = ['| property | default | what |', '| --- | --- | --- |'];
      for (const { items } of grouped(pick(el.cssProperties), (p) => `${p.default}|${p.description}`)) {
        lines.push(`| ${names(items)} | ${code(items[0].default)} | ${cell(items[0].description)} |`);
      }
      return lines;
    }
    default:
      throw new Error(`Unknown kind "${kind}" (attributes, events, parts, cssproperties)`);
  }
}

const REGION = /(<!-- manifest ([a-z-]+) ([a-z]+)( own)? -->\n)[\s\S]*?(<!-- \/manifest -->)/g;

/** The text of a doc with every marked region rendered from the manifest. */
export function render(text, manifest) {
  const els = elements(manifest);
  return text.replace(REGION, (_, open, tag, kind, own, close) => {
    const el = els.get(tag);
    if (!el) throw new Error(`<!-- manifest ${tag} … -->: no <${tag}> in the manifest`);
    return `${open}${table(el, kind, Boolean(own)).join('\n')}\n${close}`;
  });
}

/** docs/*.md with marked regions: [file, text now, text rendered]. */
export function docs(manifest) {
  return readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => [`docs/${f}`, readFileSync(DOCS + f, 'utf8')])
    .filter(([, text]) => text.includes('<!-- manifest '))
    .map(([f, text]) => [f, text, render(text, manifest)]);
}

/** VS Code custom data (`html.customData`, `css.customData`). */
export function vscode(manifest) {
  const tags = [];
  const properties = new Map();
  const parts = new Map();
  for (const [tag, el] of elements(manifest)) {
    if (tag === 'shoppable-overlay') continue; // inside the player's shadow root, never in a page
    tags.push({
      name: tag,
      description: el.description ?? '',
      attributes: (el.attributes ?? []).map((a) => {
        const literals = [...(a.type?.text ?? '').matchAll(/'([^']+)'/g)].map((m) => ({ name: m[1] }));
        return {
          name: a.name,
          description: a.description ?? '',
          ...(a.type?.text === 'boolean' ? { valueSet: 'v' } : literals.length ? { values: literals } : {}),
        };
      }),
      references: [{ name: 'Documentation', url: `https://github.com/shoppable-video/shoppable-video/blob/main/docs/${tag === 'shoppable-feed' ? 'feed' : tag === 'shoppable-pin-console' ? 'live' : tag === 'shoppable-product' ? 'html-show' : 'player'}.md` }],
    });
    for (const p of el.cssProperties ?? []) if (!properties.has(p.name)) properties.set(p.name, { name: p.name, description: `${p.description ?? ''}${p.default ? ` Default: ${p.default}.` : ''}` });
    for (const p of el.cssParts ?? []) {
      const name = `::part(${p.name})`;
      const entry = parts.get(name) ?? parts.set(name, { name, description: '' }).get(name);
      entry.description += `${entry.description ? '\n' : ''}<${tag}>: ${p.description ?? ''}`;
    }
  }
  return {
    html: { version: 1.1, tags },
    css: { version: 1.1, properties: [...properties.values()], pseudoElements: [...parts.values()] },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = readManifest();
  const command = process.argv[2];
  if (command === 'vscode') {
    const { html, css } = vscode(manifest);
    mkdirSync(`${ROOT}dist/vscode`, { recursive: true });
    writeFileSync(`${ROOT}dist/vscode/html-custom-data.json`, `${JSON.stringify(html, null, 2)}\n`);
    writeFileSync(`${ROOT}dist/vscode/css-custom-data.json`, `${JSON.stringify(css, null, 2)}\n`);
  } else if (command === 'docs' || command === 'check') {
    const stale = docs(manifest).filter(([, now, rendered]) => now !== rendered);
    if (command === 'docs') for (const [f, , rendered] of stale) writeFileSync(ROOT + f, rendered);
    else if (stale.length) {
      console.error(`Out of date with the JSDoc (run \`npm run build && node scripts/manifest.mjs docs\`): ${stale.map(([f]) => f).join(', ')}`);
      process.exit(1);
    }
    console.log(`${command === 'docs' ? 'rewrote' : 'up to date'}: ${(command === 'docs' ? stale : docs(manifest)).map(([f]) => f).join(', ') || 'nothing'}`);
  } else {
    console.error('usage: node scripts/manifest.mjs vscode|docs|check');
    process.exit(2);
  }
}
