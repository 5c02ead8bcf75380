// Every ```html block of README.md and the pages linked from docs/README.md (so a new page is
// picked up once it is in the index, which test/node/docs.test.mjs requires) is mounted against
// the local streams and storefront: it must load its media with no sv-error, no console error
// and no uncaught exception. URLs of the samples (example hosts, placeholder paths) are mapped to
// local fixtures; nothing else is changed. Blocks marked <!-- not-checked: reason --> are skipped.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { STREAMS, until } from '../helpers.js';
import { resetStore, preparePage } from '../commerce/store.js';

const text = async (url: string) => (await fetch(url)).text();

function htmlBlocks(page: string, md: string) {
  const out: { where: string; code: string }[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```html\s*$/.test(lines[i]!)) continue;
    const prev = lines.slice(0, i).reverse().find((l) => l.trim()) ?? '';
    const start = i + 1;
    while (++i < lines.length && !lines[i]!.startsWith('```'));
    if (!/^<!--\s*not-checked:/.test(prev.trim())) out.push({ where: `${page}:${start}`, code: lines.slice(start, i).join('\n') });
  }
  return out;
}

/** The sample with its URLs pointed at local fixtures; its script tags dropped (the test loads src/define.ts). */
function localise(code: string) {
  return code
    .replace(/<script\b[^>]*><\/script>/g, '')
    .replace(/\bsrc="[^"]*\.m3u8"/g, `src="${STREAMS.fmp4}"`)
    .replace(/\bposter="[^"]*"/g, 'poster="/docs/examples/images/poster.svg"')
    .replace(/\bimage="[^"]*"/g, 'image="/docs/examples/images/linen-overshirt.svg"')
    .replace(/\bshow="[^"]*"/g, 'show="/demo/show.json"');
}

describe('the HTML samples of the docs', () => {
  let samples: { where: string; code: string }[] = [];
  before(async () => {
    const index = await text('/docs/README.md');
    const pages = ['/README.md', ...[...index.matchAll(/\]\(([\w-]+\.md)\)/g)].map((m) => `/docs/${m[1]}`)];
    for (const page of [...new Set(pages)]) samples.push(...htmlBlocks(page, await text(page)));
    await resetStore();
    await preparePage('shopify');
  });

  it('finds the samples', () => {
    expect(samples.length, 'README and html-show samples at least').to.be.at.least(3);
  });

  it('each sample loads its media with no sv-error, console error or uncaught exception', async () => {
    for (const { where, code } of samples) {
      const problems: string[] = [];
      const onError = (e: Event) => problems.push(`sv-error ${JSON.stringify((e as CustomEvent).detail?.code)}: ${(e as CustomEvent).detail?.message}`);
      const onUncaught = (e: ErrorEvent | PromiseRejectionEvent) => problems.push(`uncaught: ${'message' in e ? e.message : String(e.reason)}`);
      const consoleError = console.error;
      console.error = (...args: unknown[]) => {
        problems.push(`console.error: ${args.join(' ')}`);
        consoleError(...args);
      };
      document.addEventListener('sv-error', onError, true);
      window.addEventListener('error', onUncaught);
      window.addEventListener('unhandledrejection', onUncaught);
      const box = document.createElement('div');
      box.innerHTML = localise(code);
      document.body.append(box);
      try {
        const players = [...box.querySelectorAll<HTMLElement & { media?: HTMLVideoElement }>('shoppable-video')];
        expect(players.length, `${where}: a player`).to.be.above(0);
        await until(() => problems.length || players.every((p) => (p.media?.readyState ?? 0) >= 1), `${where}: media metadata`);
        expect(problems, where).to.deep.equal([]);
      } finally {
        box.remove();
        console.error = consoleError;
        document.removeEventListener('sv-error', onError, true);
        window.removeEventListener('error', onUncaught);
        window.removeEventListener('unhandledrejection', onUncaught);
      }
    }
  });
});
