// The shape of the source (DEVELOPERS.md, Layout): small files, thin element shells, and
// dependencies that only point down — nothing below src/elements/ imports from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = new URL('../../src/', import.meta.url).pathname;
const files = readdirSync(SRC, { recursive: true })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(SRC, f));

test('no source file is over 400 lines', () => {
  const long = files.map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length]).filter(([, n]) => n > 400);
  assert.deepEqual(long, []);
});

test('the player element class is under 300 lines', () => {
  const text = readFileSync(join(SRC, 'elements/shoppable-video.component.ts'), 'utf8').split('\n');
  const start = text.findIndex((l) => l.startsWith('export class ShoppableVideoElement'));
  const end = text.findIndex((l, i) => i > start && l === '}');
  assert.ok(start >= 0 && end > start, 'the class is found');
  assert.ok(end - start + 1 < 300, `the class has ${end - start + 1} lines`);
});

test('nothing outside src/elements/ imports from it', () => {
  const upward = [];
  for (const f of files) {
    const rel = relative(SRC, f);
    if (rel.startsWith('elements/') || rel === 'define.ts' || rel === 'index.ts') continue;
    for (const [, spec] of readFileSync(f, 'utf8').matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) {
      if (spec.startsWith('.') && relative(SRC, join(f, '..', spec)).startsWith('elements/')) upward.push(`${rel} → ${spec}`);
    }
  }
  assert.deepEqual(upward, []);
});
