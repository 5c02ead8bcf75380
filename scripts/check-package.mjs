// The package as npm would publish it: publint --strict, then are-the-types-wrong on the
// packed tarball (esm-only: this package has no CommonJS build). Both run offline. The
// tarball is packed with --ignore-scripts because `npm test` has just built dist/ (prepack
// would build it again); `npm pack`/`npm publish` themselves build through prepack.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'sv-pack-'));
try {
  process.stdout.write(run('npx', ['--no-install', 'publint', '--strict']));
  const [{ filename, files }] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir]));
  const shipped = new Set(files.map((f) => f.path));
  for (const f of ['LICENSE', 'dist/custom-elements.json', 'dist/cdn/shoppable-video.js', 'dist/react/index.js', 'dist/types/react/jsx.d.ts', 'dist/vscode/html-custom-data.json', 'docs/show.schema.json']) {
    if (!shipped.has(f)) throw new Error(`The package does not ship ${f}`);
  }
  process.stdout.write(run('npx', ['--no-install', 'attw', join(dir, filename), '--profile', 'esm-only', '--format', 'table-flipped']));
  console.log(`package: ${files.length} files, publint --strict and attw --profile esm-only clean`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
