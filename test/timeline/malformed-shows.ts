/** Malformed show manifests, each breaking one thing, with the issue each must produce. */
export type Doc = Record<string, any>;

/** A small valid show; each case breaks one thing in a fresh copy. */
export const base = (): Doc => ({
  version: '1.0',
  currency: 'USD',
  video: { src: '/test/fixtures/streams/ts/index.m3u8', captions: [{ src: 'en.vtt', srclang: 'en' }] },
  products: [
    {
      id: 'p1',
      title: 'Linen Shirt',
      price: 4990,
      url: '/products/linen-shirt',
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { id: 'v1', options: ['S'] },
        { id: 'v2', options: ['M'] },
      ],
    },
    { id: 'p2', title: 'Lipstick', price: 2400 },
  ],
  cues: [
    { id: 'c1', productId: 'p1', start: 1, end: 5, x: 0.5, y: 0.5 },
    { id: 'c2', productId: 'p2', start: 2, end: 6 },
  ],
  chapters: [{ title: 'Intro', start: 0 }],
});

export const edit = (change: (d: Doc) => void): Doc => {
  const d = base();
  change(d);
  return d;
};

export interface Case {
  name: string;
  input: unknown;
  path: string;
  message: string;
  /** The whole document is refused. */
  refused?: boolean;
}

export const cases: Case[] = [
  { name: 'not JSON at all', input: '{"version": "1.0",', path: '', message: 'expected JSON, got a parse error', refused: true },
  { name: 'JSON text that is an array', input: '[1, 2]', path: '', message: 'expected a show object, got an array', refused: true },
  { name: 'null', input: null, path: '', message: 'expected a show object, got null', refused: true },
  { name: 'a number', input: 42, path: '', message: 'expected a show object, got 42', refused: true },
  { name: 'missing version', input: edit((d) => delete d.version), path: 'version', message: 'expected a version like "1.0", got undefined', refused: true },
  { name: 'numeric version', input: edit((d) => (d.version = 1)), path: 'version', message: 'got 1', refused: true },
  { name: 'unsupported major version', input: edit((d) => (d.version = '2.0')), path: 'version', message: 'unsupported version "2.0": this player reads 1.x', refused: true },
  { name: 'older major version', input: edit((d) => (d.version = '0.9')), path: 'version', message: 'unsupported version "0.9"', refused: true },
  { name: 'products is not an array', input: edit((d) => (d.products = { p1: {} })), path: 'products', message: 'expected an array, got an object' },
  { name: 'product is a string', input: edit((d) => (d.products[0] = 'shirt')), path: 'products[0]', message: 'expected an object, got "shirt"' },
  { name: 'missing product id', input: edit((d) => delete d.products[0].id), path: 'products[0].id', message: 'required' },
  { name: 'boolean product id', input: edit((d) => (d.products[1].id = true)), path: 'products[1].id', message: 'expected a string, got true' },
  { name: 'duplicate product id', input: edit((d) => (d.products[1].id = 'p1')), path: 'products[1].id', message: 'duplicate id "p1"' },
  { name: 'missing title', input: edit((d) => delete d.products[1].title), path: 'products[1].title', message: 'required' },
  { name: 'price as a decimal string', input: edit((d) => (d.products[1].price = '49.90')), path: 'products[1].price', message: 'expected an integer in minor units, got "49.90"' },
  { name: 'price in major units', input: edit((d) => (d.products[1].price = 49.9)), path: 'products[1].price', message: 'expected an integer in minor units, got 49.9' },
  { name: 'negative price', input: edit((d) => (d.products[1].price = -100)), path: 'products[1].price', message: '≥ 0, got -100' },
  { name: 'NaN compare-at price', input: edit((d) => (d.products[1].compareAtPrice = NaN)), path: 'products[1].compareAtPrice', message: 'got NaN' },
  { name: 'lowercase currency', input: edit((d) => (d.products[1].currency = 'usd')), path: 'products[1].currency', message: 'expected an ISO 4217 currency code like "USD", got "usd"' },
  { name: 'price with no currency anywhere', input: edit((d) => delete d.currency), path: 'products[0].currency', message: 'required with a price' },
  { name: 'javascript: link', input: edit((d) => (d.products[1].url = 'javascript:alert(1)')), path: 'products[1].url', message: 'expected an http(s) or relative URL, got "javascript:alert(1)"' },
  { name: 'javascript: link hidden by a tab', input: edit((d) => (d.products[1].url = 'java\tscript:alert(1)')), path: 'products[1].url', message: 'http(s) or relative URL' },
  { name: 'data: image', input: edit((d) => (d.products[1].image = 'data:image/svg+xml,<svg onload=alert(1)>')), path: 'products[1].image', message: 'http(s) or relative URL' },
  { name: 'huge title', input: edit((d) => (d.products[1].title = 'x'.repeat(1_000_000))), path: 'products[1].title', message: 'expected at most 500 characters, got 1000000' },
  { name: 'huge description', input: edit((d) => (d.products[1].description = 'x'.repeat(5001))), path: 'products[1].description', message: 'at most 5000 characters' },
  { name: 'available as text', input: edit((d) => (d.products[1].available = 'yes')), path: 'products[1].available', message: 'expected true or false, got "yes"' },
  { name: 'variant option not among the values', input: edit((d) => (d.products[0].variants[1].options = ['XL'])), path: 'products[0].variants[1].options', message: '"XL" is not a value of option "Size"' },
  { name: 'variant with too many option values', input: edit((d) => (d.products[0].variants[0].options = ['S', 'Red'])), path: 'products[0].variants[0].options', message: 'expected 1 value(s)' },
  { name: 'variant without id', input: edit((d) => delete d.products[0].variants[1].id), path: 'products[0].variants[1].id', message: 'required' },
  { name: 'merchant ref that is an object', input: edit((d) => (d.products[1].refs = { shopifyVariantId: { id: 1 } })), path: 'products[1].refs.shopifyVariantId', message: 'expected a string, got an object' },
  { name: 'cues is a string', input: edit((d) => (d.cues = 'c1')), path: 'cues', message: 'expected an array, got "c1"' },
  { name: 'cue for an unknown product', input: edit((d) => (d.cues[1].productId = 'nope')), path: 'cues[1].productId', message: 'product "nope" is unknown' },
  { name: 'cue for a dropped product', input: edit((d) => (d.products[1].price = 'free')), path: 'cues[1].productId', message: 'product "p2" was dropped' },
  { name: 'cue without start', input: edit((d) => delete d.cues[0].start), path: 'cues[0].start', message: 'required' },
  { name: 'end before start', input: edit((d) => (d.cues[0].end = 0.5)), path: 'cues[0].end', message: 'expected a time after start (1), got 0.5' },
  { name: 'end equal to start', input: edit((d) => (d.cues[0].end = 1)), path: 'cues[0].end', message: 'expected a time after start (1), got 1' },
  { name: 'NaN start', input: edit((d) => (d.cues[0].start = NaN)), path: 'cues[0].start', message: 'expected a time in seconds, got NaN' },
  { name: 'negative start', input: edit((d) => (d.cues[0].start = -1)), path: 'cues[0].start', message: 'expected a time in seconds ≥ 0, got -1' },
  { name: 'infinite start', input: edit((d) => (d.cues[0].start = Infinity)), path: 'cues[0].start', message: 'got Infinity' },
  { name: 'start as text', input: edit((d) => (d.cues[0].start = '10')), path: 'cues[0].start', message: 'got "10"' },
  { name: 'x outside the frame', input: edit((d) => (d.cues[0].x = 1.5)), path: 'cues[0].x', message: 'expected a fraction of the frame from 0 to 1, got 1.5' },
  { name: 'x without y', input: edit((d) => delete d.cues[0].y), path: 'cues[0].y', message: 'required with x and y' },
  { name: 'empty keyframes', input: edit((d) => (d.cues[1].keyframes = [])), path: 'cues[1].keyframes', message: 'expected at least one keyframe' },
  { name: 'keyframe without y', input: edit((d) => (d.cues[1].keyframes = [{ t: 2, x: 0, y: 0 }, { t: 3, x: 1 }])), path: 'cues[1].keyframes[1].y', message: 'required' },
  { name: 'duplicate cue id', input: edit((d) => (d.cues[1].id = 'c1')), path: 'cues[1].id', message: 'duplicate id "c1"' },
  { name: 'huge label', input: edit((d) => (d.cues[1].label = 'y'.repeat(100_000))), path: 'cues[1].label', message: 'expected at most 500 characters, got 100000' },
  { name: 'video src with javascript:', input: edit((d) => (d.video.src = 'javascript:void(0)')), path: 'video.src', message: 'http(s) or relative URL' },
  { name: 'caption with a bad language', input: edit((d) => (d.video.captions[0].srclang = 'English (US)')), path: 'video.captions[0].srclang', message: 'a language tag like "en"' },
  { name: 'chapter without title', input: edit((d) => delete d.chapters[0].title), path: 'chapters[0].title', message: 'required' },
];
