// A show URL is untrusted: its fetch is bounded in time and size, and every failure is a
// readable MANIFEST_LOAD_FAILED (the video keeps playing, the checkout stops waiting).
import { expect, fixture } from '@open-wc/testing';
import '../../src/define.js';
import { loadManifest, MANIFEST_MAX_BYTES } from '../../src/timeline/load-manifest.js';
import { recordErrors, until } from '../helpers.js';

/** A URL whose first answer stalls: no answer at all, or headers and half the body. */
async function stalledUrl(partial: boolean): Promise<string> {
  const id = `show${Math.random().toString(36).slice(2, 10)}`;
  await fetch(`/__faults/${id}`, { method: 'POST', body: JSON.stringify({ mode: 'stall', match: 'README.md', count: 1, partial }) });
  return `/faults/${id}/README.md`;
}

const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'application/json' }));

describe('loadManifest', () => {
  it('reads a manifest', async () => {
    const loaded = await loadManifest('/docs/examples/show.json');
    expect(loaded.ok && JSON.parse(loaded.text).version).to.equal('1.0');
  });

  it('gives up on a server that never answers, or stops mid-body', async () => {
    for (const partial of [false, true]) {
      expect(await loadManifest(await stalledUrl(partial), { timeoutMs: 400 })).to.deep.equal({ ok: false, aborted: false, reason: 'the server did not answer within 0.4 s' });
    }
  });

  it('stops reading at the size cap', async () => {
    const loaded = await loadManifest(blobUrl('x'.repeat(300_000)), { maxBytes: 100_000 });
    expect(loaded).to.deep.equal({ ok: false, aborted: false, reason: 'it is larger than 98 KB, the limit for a show' });
  });

  it('reports HTTP errors and says when it was aborted', async () => {
    expect(await loadManifest('/docs/examples/none.json')).to.deep.equal({ ok: false, aborted: false, reason: 'the server answered HTTP 404' });
    const abort = new AbortController();
    const pending = loadManifest(await stalledUrl(false), { signal: abort.signal });
    abort.abort();
    expect(await pending).to.deep.include({ ok: false, aborted: true });
  });
});

describe('a show URL that is too large, in the player', () => {
  it('is reported as MANIFEST_LOAD_FAILED with a readable message', async () => {
    const el = document.createElement('shoppable-video');
    const errors = recordErrors(el);
    await fixture(el);
    const url = blobUrl(`{"version":"1.0","title":"${'x'.repeat(MANIFEST_MAX_BYTES)}"}`);
    el.show = url;
    await until(() => errors.length, 'an sv-error');
    expect(errors.map((e) => [e.code, e.message, e.fatal])).to.deep.equal([
      ['MANIFEST_LOAD_FAILED', `The show at ${url} could not be loaded: it is larger than 5 MB, the limit for a show.`, false],
    ]);
  });
});
