import { expect } from '@open-wc/testing';
import { formatIssues, parseShow, SUPPORTED_VERSION, type ManifestIssue } from '../../src/timeline/manifest.js';

import { base, cases, edit } from './malformed-shows.js';

describe('parseShow: malformed manifests', () => {
  // Each case must prove one rule: the unbroken show is clean, so a case's issue comes from the
  // one thing it breaks, and no two cases expect the same issue.
  it('the show the cases break parses without any issue', () => {
    const { show, issues } = parseShow(base());
    expect(issues).to.deep.equal([]);
    expect(show!.products).to.have.length(2);
    expect(show!.cues).to.have.length(2);
  });

  it('no two cases expect the same issue', () => {
    const keys = cases.map((c) => `${c.path} | ${c.message}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i), 'repeated').to.deep.equal([]);
  });

  for (const c of cases) {
    it(`${c.name} → ${c.path || '(document)'}`, () => {
      const { show, issues } = parseShow(c.input);
      const issue = issues.find((i) => i.path === c.path);
      expect(issue, `issues: ${JSON.stringify(issues)}`).to.exist;
      expect(issue!.message).to.include(c.message);
      expect(issue!.severity).to.equal('error');
      if (c.refused) expect(show).to.equal(null);
      else expect(show, 'the rest of the show is kept').to.not.equal(null);
    });
  }
});

describe('parseShow: valid parts survive', () => {
  it('drops a bad product with its cues and keeps the rest', () => {
    const { show, issues } = parseShow(edit((d) => (d.products[0].price = '49.90')));
    expect(show!.products.map((p) => p.id)).to.deep.equal(['p2']);
    expect(show!.cues.map((c) => c.id)).to.deep.equal(['c2']);
    expect(issues.map((i) => i.path)).to.deep.equal(['products[0].price', 'cues[0].productId']);
  });

  it('drops a bad variant alone', () => {
    const { show } = parseShow(edit((d) => (d.products[0].variants[0].price = 'x')));
    expect(show!.products[0].variants!.map((v) => v.id)).to.deep.equal(['v2']);
    expect(show!.cues).to.have.length(2);
  });

  it('drops a bad cue, caption, chapter or show-level field alone', () => {
    const { show, issues } = parseShow(
      edit((d) => {
        d.cues[0].end = 0;
        d.video.captions.push({ src: 'javascript:x', srclang: 'fr' });
        d.chapters.push({ title: 'Late', start: -3 });
        d.title = 42;
      }),
    );
    expect(show!.cues.map((c) => c.id)).to.deep.equal(['c2']);
    expect(show!.video!.captions).to.have.length(1);
    expect(show!.chapters).to.have.length(1);
    expect(show!.title).to.equal(undefined);
    expect(show!.video!.src).to.equal('/test/fixtures/streams/ts/index.m3u8');
    expect(issues.map((i) => i.path)).to.have.members(['cues[0].end', 'video.captions[1].src', 'chapters[1].start', 'title']);
  });

  it('ignores unknown fields, accepts a newer 1.x with a warning, and treats null and "" as absent', () => {
    const { show, issues } = parseShow(
      JSON.stringify(
        edit((d) => {
          d.version = '1.4';
          d.futureFeature = { a: 1 };
          d.products[1].brand = null;
          d.products[1].description = '';
          d.products[1].sparkle = true;
        }),
      ),
    );
    expect(issues).to.deep.equal([
      { path: 'version', message: `1.4 is newer than ${SUPPORTED_VERSION}: fields added since are ignored`, severity: 'warning' },
    ] satisfies ManifestIssue[]);
    expect(show).to.not.have.property('futureFeature');
    expect(show!.products[1]).to.deep.equal({ id: 'p2', title: 'Lipstick', price: 2400, currency: 'USD' });
  });

  it('normalises: integer ids, default cue id and end, sorted keyframes, show currency on products', () => {
    const { show, issues } = parseShow({
      version: '1.0',
      currency: 'EUR',
      products: [{ id: 123, title: 'Store product', price: 100, refs: { wooProductId: 77 } }],
      cues: [{ productId: 123, start: 3, keyframes: [{ t: 9, x: 1, y: 1 }, { t: 3, x: 0, y: 0 }] }],
    });
    expect(issues).to.deep.equal([]);
    expect(show!.products[0]).to.deep.equal({ id: '123', title: 'Store product', price: 100, currency: 'EUR', refs: { wooProductId: '77' } });
    expect(show!.cues[0]).to.deep.equal({
      id: '123@3',
      productId: '123',
      start: 3,
      end: Infinity,
      keyframes: [{ t: 3, x: 0, y: 0 }, { t: 9, x: 1, y: 1 }],
    });
  });

  it('parses the documented example show without issues', async () => {
    const text = await (await fetch('/docs/examples/show.json')).text();
    const { show, issues } = parseShow(text);
    expect(issues).to.deep.equal([]);
    expect(show!.products).to.have.length(5);
    expect(show!.products.find((p) => p.id === 'linen-overshirt')!.variants!.filter((v) => !v.available)).to.have.length(1);
    expect(show!.cues.some((c) => c.keyframes)).to.equal(true);
  });
});

describe('formatIssues', () => {
  it('writes one console line, and nothing for no issues', () => {
    const { issues } = parseShow(edit((d) => (d.products[1].price = '49.90')));
    const line = formatIssues(issues);
    expect(line).to.equal(
      '[shoppable-video] show: 2 problems: products[1].price: expected an integer in minor units, got "49.90"; ' +
        'cues[1].productId: product "p2" was dropped (see its errors)',
    );
    expect(line).to.not.include('\n');
    expect(formatIssues([])).to.equal('');
  });
});
