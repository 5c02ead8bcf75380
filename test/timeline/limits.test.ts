// Bounded work on untrusted input: every array of a show has a documented cap, the issue list
// is bounded, and the player writes one console line per parse whatever the document holds.
import { expect, fixture } from '@open-wc/testing';
import '../../src/define.js';
import { LIMITS, formatIssues, parseShow } from '../../src/timeline/manifest.js';
import { attributes, pickVariant } from '../../src/player/prefetch.js';
import type { ShowLoadDetail } from '../../src/show/show-model.js';
import { recordErrors, until } from '../helpers.js';

const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);

describe('parseShow: caps', () => {
  it('keeps the first products up to the cap and says the rest were ignored', () => {
    const products = Array.from({ length: LIMITS.products + 3 }, (_, i) => ({ id: `p${i}`, title: 'T' }));
    const { show, issues } = parseShow({ version: '1.0', products });
    expect(show!.products).to.have.length(LIMITS.products);
    expect(show!.products.at(-1)!.id).to.equal(`p${LIMITS.products - 1}`);
    expect(issues).to.deep.equal([
      { path: 'products', message: `expected at most ${LIMITS.products} items, got ${LIMITS.products + 3}: the items after the first ${LIMITS.products} were ignored`, severity: 'error' },
    ]);
  });

  it('caps variants, cues, captions and chapters the same way', () => {
    const n = (cap: number) => cap + 1;
    const { show, issues } = parseShow({
      version: '1.0',
      video: { src: 'v.m3u8', captions: Array.from({ length: n(LIMITS.captions) }, (_, i) => ({ src: `${i}.vtt`, srclang: 'en' })) },
      chapters: Array.from({ length: n(LIMITS.chapters) }, (_, i) => ({ title: 'c', start: i })),
      products: [{ id: 'p', title: 'T', variants: Array.from({ length: n(LIMITS.variants) }, (_, i) => ({ id: `v${i}` })) }],
      cues: Array.from({ length: n(LIMITS.cues) }, (_, i) => ({ productId: 'p', start: i })),
    });
    expect(show!.video!.captions).to.have.length(LIMITS.captions);
    expect(show!.chapters).to.have.length(LIMITS.chapters);
    expect(show!.products[0]!.variants).to.have.length(LIMITS.variants);
    expect(show!.cues).to.have.length(LIMITS.cues);
    expect(issues.map((i) => i.path)).to.have.members(['video.captions', 'chapters', 'products[0].variants', 'cues']);
  });

  it('refuses an option with too many values, too many options, or a cue with too many keyframes (these must be read whole)', () => {
    const { show, issues } = parseShow({
      version: '1.0',
      products: [
        { id: 'a', title: 'A', options: [{ name: 'Size', values: values(LIMITS.values + 1) }] },
        { id: 'b', title: 'B', options: values(LIMITS.options + 1).map((name) => ({ name, values: ['x'] })) },
        { id: 'c', title: 'C' },
      ],
      cues: [{ productId: 'c', start: 0, keyframes: Array.from({ length: LIMITS.keyframes + 1 }, (_, t) => ({ t, x: 0, y: 0 })) }, { productId: 'c', start: 1 }],
    });
    expect(show!.products.map((p) => p.id)).to.deep.equal(['c']);
    expect(show!.cues.map((c) => c.start)).to.deep.equal([1]);
    expect(issues.map((i) => [i.path, i.message])).to.deep.include.members([
      ['products[0].options[0].values', `expected at most ${LIMITS.values} items, got ${LIMITS.values + 1}`],
      ['products[1].options', `expected at most ${LIMITS.options} items, got ${LIMITS.options + 1}`],
      ['cues[0].keyframes', `expected at most ${LIMITS.keyframes} items, got ${LIMITS.keyframes + 1}`],
    ]);
  });

  it('checks each variant against its option values: a product at the caps parses whole', () => {
    const vals = values(LIMITS.values);
    const { show, issues } = parseShow({
      version: '1.0',
      products: [{ id: 'p', title: 'T', options: [{ name: 'Size', values: vals }], variants: [...vals.map((o, i) => ({ id: `x${i}`, options: [o] })), { id: 'bad', options: ['nope'] }].slice(-LIMITS.variants) }],
    });
    expect(issues.map((i) => i.path)).to.deep.equal([`products[0].variants[${LIMITS.variants - 1}].options`]);
    expect(show!.products[0]!.variants).to.have.length(LIMITS.variants - 1);
  });

  it('lists at most LIMITS.issues issues and counts the rest in one last warning', () => {
    const products = Array.from({ length: 2000 }, (_, i) => ({ id: `p${i}`, price: 'x' }));
    const { show, issues } = parseShow({ version: '1.0', products });
    expect(show!.products).to.deep.equal([]);
    expect(issues).to.have.length(LIMITS.issues + 1);
    // Two problems per product: price and title.
    expect(issues.at(-1)).to.deep.equal({ path: '', message: `${4000 - LIMITS.issues} more problems not listed`, severity: 'warning' });
  });

  it('formatIssues spells out the first 20 issues and counts the rest, on one line', () => {
    const { issues } = parseShow({ version: '1.0', products: Array.from({ length: 30 }, (_, i) => ({ id: `p${i}` })) });
    const line = formatIssues(issues);
    expect(line.startsWith('[shoppable-video] show: 30 problems: products[0].title: required; ')).to.equal(true);
    expect(line.endsWith('products[19].title: required; and 10 more')).to.equal(true);
    expect(line).to.not.include('\n');
  });
});

describe('a show with many problems, in the player', () => {
  it('writes ONE console line per parse and at most 50 sv-error events', async () => {
    const lines: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void lines.push(a.map(String).join(' '));
    try {
      const el = document.createElement('shoppable-video');
      const errors = recordErrors(el);
      let loaded: ShowLoadDetail | null = null;
      el.addEventListener('sv-show-load', (e) => (loaded = (e as CustomEvent<ShowLoadDetail>).detail));
      await fixture(el);
      const show = { version: '1.0', products: Array.from({ length: 500 }, (_, i) => ({ id: `p${i}`, price: 'x' })), cues: [] };
      el.show = URL.createObjectURL(new Blob([JSON.stringify(show)], { type: 'application/json' }));
      await until(() => loaded, 'sv-show-load');
      expect(loaded!.issues).to.have.length(1000);
      expect(lines.filter((l) => l.includes('show:')), 'console lines about the show').to.have.length(1);
      expect(lines[0]).to.match(/^\[shoppable-video\] show: 1000 problems: products\[0\]\.title: required; .*; and 980 more$/);
      expect(errors.filter((e) => e.code === 'MANIFEST_INVALID')).to.have.length(50);
    } finally {
      console.warn = warn;
    }
  });
});

describe('prefetch: playlist attributes', () => {
  it('reads quoted values with commas, unquoted values, and skips stray tokens', () => {
    expect(attributes('BANDWIDTH=900000,CODECS="avc1.4d401e,mp4a.40.2",RESOLUTION=640x360,junk,AUDIO="a"')).to.deep.equal({
      BANDWIDTH: '900000',
      CODECS: 'avc1.4d401e,mp4a.40.2',
      RESOLUTION: '640x360',
      AUDIO: 'a',
    });
    expect(attributes(`${'A'.repeat(80_000)}`)).to.deep.equal({});
    expect(attributes(`URI="unterminated${'x'.repeat(10)}`)).to.deep.equal({ URI: 'unterminatedxxxxxxxxxx' });
    expect(attributes('lower=1,X-Y=2,=3')).to.deep.equal({ 'X-Y': '2' });
  });

  it('pairs each variant with the next URI line in one pass', () => {
    const master = ['#EXTM3U', '#EXT-X-STREAM-INF:BANDWIDTH=5', '# a comment', '', 'a.m3u8', '#EXT-X-STREAM-INF:BANDWIDTH=1', 'b.m3u8'].join('\n');
    expect(pickVariant(master, 'https://cdn.test/m.m3u8')).to.deep.equal({ url: 'https://cdn.test/a.m3u8', audioUrl: undefined, sortedIndex: 1 });
  });
});
