// Every code block of README.md and docs/ is checked (scripts/check-docs.mjs); HTML samples
// run in Chromium (test/docs/html-samples.test.ts). Needs the build (parseShow from dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocs, extractBlocks } from '../../scripts/check-docs.mjs';

test('every ts/js, json and sh block of the docs is right, and every page is in the docs index', async () => {
  const { problems, summary } = await checkDocs();
  assert.deepEqual(problems, [], summary);
});

test('the checker finds a wrong block, and a not-checked marker needs a reason', () => {
  const md = 'x\n\n<!-- not-checked: partial -->\n```ts\nfoo(\n```\n\n```sh\nnpm run nope\n```\n';
  const blocks = extractBlocks('x.md', md);
  assert.deepEqual(blocks.map((b) => [b.lang, b.line, b.skip ?? null]), [['ts', 4, 'partial'], ['sh', 8, null]]);
});
