// Checks every fenced code block of README.md and docs/**/*.md (new pages are found on their own):
//   ts, js    type-checked against the package's public types ('shoppable-video' → src/ through
//             package.json's exports), strict, as modules (top-level await allowed);
//   json      a show manifest (has "version"): parseShow() and docs/show.schema.json both accept it;
//   sh        every `npm run X`/`npm X` names a real script, every `node|bash FILE` a real file;
//   html      loaded in Chromium by test/docs/html-samples.test.ts (not here).
// A block that is deliberately partial has `<!-- not-checked: reason -->` on a line of its own
// just before its fence. Other languages (liquid, toml, plain ```) are not checked.
// Usage: node scripts/check-docs.mjs (after npm run build: parseShow comes from dist/).
import { readFileSync, readdirSync, writeFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Every fenced block of a markdown file: `{ file, line, lang, code, skip }`. */
export function extractBlocks(file, text = readFileSync(file, 'utf8')) {
  const blocks = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(\S*)/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const prev = lines.slice(0, i).reverse().find((l) => l.trim() !== '') ?? '';
    const skip = /^<!--\s*not-checked:\s*(\S.*?)\s*-->$/.exec(prev.trim())?.[1];
    const start = i + 1;
    while (++i < lines.length && !lines[i].startsWith(indent + fence));
    const code = lines.slice(start, i).map((l) => l.slice(indent.length)).join('\n');
    blocks.push({ file, line: start, lang: lang.toLowerCase(), code, skip });
  }
  return blocks;
}

export function docFiles(root = '.') {
  const walk = (dir) =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
    );
  return ['README.md', ...walk('docs')];
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** tsc's `paths` for the package's own name: each export's types, pointed back at src/. */
function selfPaths() {
  const paths = {};
  for (const [key, value] of Object.entries(pkg.exports)) {
    const types = typeof value === 'object' ? value.types : undefined;
    if (!types) continue;
    paths[key.replace(/^\./, pkg.name)] = [types.replace('./dist/types/', './src/').replace(/\.d\.ts$/, '.ts')];
  }
  return paths;
}

function checkTypes(blocks, problems) {
  const dir = '.scratch/docs-check';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const where = new Map();
  blocks.forEach((b, n) => {
    const name = `block-${n}.${b.lang === 'js' ? 'js' : 'ts'}`;
    // `export {}` makes every block a module (top-level await, its own scope).
    writeFileSync(join(dir, name), `${b.code}\nexport {};\n`);
    where.set(name, b);
  });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../tsconfig.json',
      compilerOptions: { noEmit: true, allowJs: true, checkJs: true, baseUrl: '../..', paths: selfPaths(), noUnusedLocals: false, noUnusedParameters: false, types: ['node'] },
      include: ['./*.ts', './*.js'],
    }),
  );
  const run = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8' });
  for (const line of run.stdout.split('\n')) {
    const m = /^(?:\.scratch\/docs-check\/)?(block-\d+\.[jt]s)\((\d+),\d+\): (.*)$/.exec(line);
    if (m && where.has(m[1])) {
      const b = where.get(m[1]);
      problems.push(`${b.file}:${b.line + +m[2] - 1}: ${m[3]}`);
    } else if (/error TS/.test(line)) problems.push(`(type check) ${line}`);
  }
}

async function checkJson(blocks, problems) {
  const { parseShow } = await import('../dist/index.js');
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const validate = new Ajv2020({ allErrors: true, strictTypes: false }).compile(JSON.parse(readFileSync('docs/show.schema.json', 'utf8')));
  for (const b of blocks) {
    let doc;
    try {
      doc = JSON.parse(b.code);
    } catch (e) {
      problems.push(`${b.file}:${b.line}: not JSON: ${e.message}`);
      continue;
    }
    if (!doc || typeof doc !== 'object' || !('version' in doc)) continue; // not a show manifest
    const { show, issues } = parseShow(doc);
    for (const i of show ? issues.filter((i) => i.severity === 'error') : issues) problems.push(`${b.file}:${b.line}: parseShow: ${i.path}: ${i.message}`);
    if (!validate(doc)) for (const e of validate.errors) problems.push(`${b.file}:${b.line}: schema: ${e.instancePath} ${e.message}`);
  }
}

function checkShell(blocks, problems) {
  for (const b of blocks) {
    b.code.split('\n').forEach((raw, n) => {
      const line = raw.replace(/\s+#.*$/, '').trim();
      const at = `${b.file}:${b.line + n}`;
      const npm = /^npm (?:run(?:-script)? (?:-s )?)?([\w:-]+)/.exec(line);
      if (npm && !['ci', 'install', 'i', 'run'].includes(npm[1])) {
        const script = /^npm run/.test(line) || !['test', 'start'].includes(npm[1]) ? npm[1] : npm[1];
        if (!pkg.scripts?.[script]) problems.push(`${at}: no npm script "${script}" in package.json`);
      }
      for (const m of line.matchAll(/(?:^|\s)(?:node|bash|sh)\s+((?:\.\/)?[\w./-]+\.(?:mjs|js|sh))/g))
        if (!existsSync(m[1])) problems.push(`${at}: no file ${m[1]}`);
      const npx = /^npx ([\w@/-]+)/.exec(line);
      if (npx && npx[1] !== pkg.name && !existsSync(join('node_modules/.bin', npx[1]))) problems.push(`${at}: npx ${npx[1]}: not this package's bin nor installed`);
    });
  }
}

/** Every page under docs/ is reachable from the docs index (which is how the browser test finds pages). */
function checkIndex(files, problems) {
  if (!existsSync('docs/README.md')) return problems.push('docs/README.md: missing (the docs index)');
  const index = readFileSync('docs/README.md', 'utf8');
  for (const f of files.filter((f) => f.startsWith('docs/') && f !== 'docs/README.md'))
    if (!index.includes(`](${relative('docs', f)}`)) problems.push(`docs/README.md: no link to ${relative('docs', f)}`);
}

export async function checkDocs() {
  const files = docFiles();
  const blocks = files.flatMap((f) => extractBlocks(f));
  const problems = [];
  const checked = blocks.filter((b) => !b.skip);
  for (const b of blocks.filter((b) => b.skip === '')) problems.push(`${b.file}:${b.line}: not-checked needs a reason`);
  checkTypes(checked.filter((b) => ['ts', 'js', 'typescript', 'javascript'].includes(b.lang)), problems);
  await checkJson(checked.filter((b) => b.lang === 'json'), problems);
  checkShell(checked.filter((b) => ['sh', 'bash', 'shell'].includes(b.lang)), problems);
  checkIndex(files, problems);
  const count = (langs) => checked.filter((b) => langs.includes(b.lang)).length;
  return {
    problems,
    summary: `${files.length} pages: ${count(['ts', 'js'])} ts/js, ${count(['json'])} json, ${count(['sh', 'bash'])} sh, ${count(['html'])} html blocks checked; ${blocks.length - checked.length} marked not-checked`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { problems, summary } = await checkDocs();
  for (const p of problems) console.error(p);
  console.log(`docs: ${summary}; ${problems.length} problem(s)`);
  process.exit(problems.length ? 1 : 0);
}
