// docs/show.schema.json and parseShow() (src/timeline/manifest.ts) accept and refuse the same
// manifests. "Accept" for parseShow: a show and no `error` issue (warnings, e.g. a newer 1.x,
// are fine). The rules a schema cannot express (the schema's description lists them) are the
// only allowed difference, and only in one direction: parseShow refuses, the schema accepts.
// Runs against the built output (npm run build first), like import.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { parseShow } from '../../dist/index.js';

const schema = JSON.parse(readFileSync('docs/show.schema.json', 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, strictTypes: false }).compile(schema);

/** The value at an issue path such as `products[2].variants[0].image`. */
const at = (doc, path) => (path.match(/[^.[\]]+/g) ?? []).reduce((v, k) => v?.[k], doc);
const unparseable = (s) => {
  try {
    new URL(s, 'https://relative.invalid/');
    return false;
  } catch {
    return true;
  }
};
/** Issues about rules the schema cannot express: cross-field, uniqueness, references, URL parsing. */
const parserOnly = (doc, { message, path }) =>
  /^expected a time after start|^duplicate id|^product ".*" is unknown|one per product option|is not a value of option|^required with a price/.test(message) ||
  /^product ".*" was dropped/.test(message) || // a consequence of its own (parser-only) error
  (/^expected an http\(s\) or relative URL/.test(message) && unparseable(at(doc, path)));

function verdicts(doc) {
  const { show, issues } = parseShow(structuredClone(doc));
  const errors = show ? issues.filter((i) => i.severity === 'error') : issues;
  return { parser: errors.length === 0, schema: validate(doc), errors, schemaErrors: validate.errors };
}

function agree(doc, name) {
  const v = verdicts(doc);
  if (v.parser === v.schema) return;
  const why = `${name}: parseShow ${v.parser ? 'accepts' : 'refuses'}, the schema ${v.schema ? 'accepts' : 'refuses'}\n` +
    `parseShow: ${JSON.stringify(v.errors)}\nschema: ${JSON.stringify(v.schemaErrors)}`;
  assert.ok(!v.parser && v.schema && v.errors.every((i) => parserOnly(doc, i)), why);
}

const DIR = 'test/fixtures/manifests';
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.json'));

test('the committed corpus: both accept valid-*, both refuse invalid-*, only parseShow refuses parser-only-*', () => {
  const docs = [...fixtures.map((f) => [f, JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8'))]), ['docs/examples/show.json', JSON.parse(readFileSync('docs/examples/show.json', 'utf8'))]];
  for (const [name, doc] of docs) {
    const v = verdicts(doc);
    const expected = name.startsWith('invalid-') ? [false, false] : name.startsWith('parser-only-') ? [false, true] : [true, true];
    assert.deepEqual([v.parser, v.schema], expected, `${name}: [parseShow, schema]\n${JSON.stringify(v.errors)}\n${JSON.stringify(v.schemaErrors)}`);
    if (name.startsWith('parser-only-')) assert.ok(v.errors.every((i) => parserOnly(doc, i)), name);
  }
});

// Generated: a valid show with one field (anywhere in it) replaced by an awkward value.
const base = JSON.parse(readFileSync('docs/examples/show.json', 'utf8'));
const paths = [];
(function walk(v, path) {
  if (v && typeof v === 'object') {
    if (!Array.isArray(v)) for (const k of ['zzUnknown']) paths.push([...path, k]);
    for (const [k, child] of Object.entries(v)) {
      paths.push([...path, Array.isArray(v) ? +k : k]);
      walk(child, [...path, Array.isArray(v) ? +k : k]);
    }
  }
})(base, []);
const awkward = fc.oneof(
  fc.constantFrom(null, '', ' ', 0, -1, 1, 0.5, 1.5, 2 ** 53, -(2 ** 53) + 1, 1e300, true, false, [], {}, [null], [''], 'USD', 'usd', 'x', '1.0', '2.0', '1.10',
    'javascript:alert(1)', ' javascript:x', 'https://a.example/x', '//cdn.example/x', 'a/b:c', 'http://[bad', 'data:,x', 'en', 'pt-BR', '\u00a0x', 'x'.repeat(501), '\u{1F6CD}'.repeat(500), '\u{1F6CD}'.repeat(501)),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const set = (doc, path, value) => {
  const copy = structuredClone(doc);
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  if (value === undefined) Array.isArray(o) ? o.splice(path.at(-1), 1) : delete o[path.at(-1)];
  else o[path.at(-1)] = value;
  return copy;
};

test('generated manifests: one field replaced or removed anywhere in the example show', () => {
  fc.assert(
    fc.property(fc.constantFrom(...paths), fc.option(awkward, { nil: undefined, freq: 8 }), (path, value) => {
      agree(set(base, path, value), `${path.join('.')} = ${JSON.stringify(value)}`);
    }),
    { numRuns: 4000 },
  );
});
