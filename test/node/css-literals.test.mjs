// The script-tag build ships every css`…` literal minified by esbuild (scripts/minify-css-literals.mjs).
// Runs against the built output (npm run build first), like import.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import minifyCssLiterals, { findCssLiterals, minifyCssTemplate } from '../../scripts/minify-css-literals.mjs';

const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const bundle = ['dist/cdn', 'dist/console']
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8')))
  .join('\n');

test('every css literal of src/ ships minified in the script-tag build, comments and indentation gone', async () => {
  let literals = 0;
  for (const file of sources('src')) {
    const code = readFileSync(file, 'utf8');
    for (const lit of findCssLiterals(code)) {
      literals++;
      const min = await minifyCssTemplate(lit, file);
      assert.doesNotMatch(min, /\/\*|\n|\s{2}/, `${file}: minified CSS keeps no comment, newline or run of spaces`);
      assert.ok(bundle.includes(`\`${min}\``), `${file}: the build carries the minified literal\n${min.slice(0, 200)}…`);
      // No line of the original (indentation included) reached the build.
      for (const line of lit.quasis.join('').split('\n').filter((l) => /^\s{2,}\S.{12,}/.test(l)))
        assert.ok(!bundle.includes(`\n${line}\n`), `${file}: an unminified line shipped: ${line.trim()}`);
    }
  }
  assert.ok(literals >= 12, `found the styles (${literals} literals)`);
});

test('an escaped backtick in a comment does not end the literal', async () => {
  const src = 'import { css } from "lit";\nexport const a = css`\n  /* like \\`* {}\\` */\n  .a {\n    color: red;\n  }\n  .b {\n    margin: 0 ;\n  }\n`;\nexport const b = 1;\n';
  const { code } = await minifyCssLiterals().transform(src, '/x/src/a.styles.ts');
  assert.equal(code, 'import { css } from "lit";\nexport const a = css`.a{color:red}.b{margin:0}`;\nexport const b = 1;\n');
});

test('${} expressions are kept, in values, selectors and between rules, with their own templates and braces', async () => {
  const src =
    'const x = css`\n  ${srOnly}\n  .a  ${unsafeCSS(`.b`)} {\n    color: ${c ? { v: 1 }.v : "}"};\n    content: "\\\\2014";\n  }\n  ${more}\n`;';
  const { code } = await minifyCssLiterals().transform(src, '/x/src/b.ts');
  assert.equal(code, 'const x = css`${srOnly} .a ${unsafeCSS(`.b`)}{color:${c ? { v: 1 }.v : "}"};content:"\\\\2014"}${more}`;');
});

test('a template the minifier cannot keep intact stops the build instead of shipping changed CSS', async () => {
  await assert.rejects(minifyCssTemplate({ quasis: ['.a{content:"\\n"}'], expressions: [] }), /doubled backslash/);
  await assert.rejects(minifyCssTemplate({ quasis: ['.a{color:red', ''], expressions: ['x'] }), /esbuild|expression/);
});
