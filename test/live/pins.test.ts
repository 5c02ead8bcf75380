import { expect } from '@open-wc/testing';
import type { ShoppableError } from '../../src/internal/errors.js';
import { id3Txxx } from './id3.js';
import { mediaTimeOf, parseAttributeList, PinTrack, readId3Txxx, withStock, type DateAnchor, type DateRangeInput } from '../../src/live/pins.js';

const T0 = Date.parse('2025-03-01T18:00:00.000Z');
const iso = (s: number) => new Date(T0 + s * 1000).toISOString();
/** Segments of 2 s from media time 0 at T0. */
const anchors = (from = 0, n = 6): DateAnchor[] => Array.from({ length: n }, (_, i) => ({ time: (from + i) * 2, date: T0 + (from + i) * 2000 }));
const pin = (id: string, productId: string, at: number, extra: Record<string, string> = {}): DateRangeInput => ({
  attrs: { ID: id, CLASS: 'com.shoppable-video.product', 'START-DATE': iso(at), 'X-PRODUCT-ID': productId, ...extra },
});
const stock = (productId: string, at: number, extra: Record<string, string>): DateRangeInput => ({
  attrs: { ID: `s-${productId}-${at}`, CLASS: 'com.shoppable-video.stock', 'START-DATE': iso(at), 'X-PRODUCT-ID': productId, ...extra },
});
const known = new Set(['tee', 'cap', 'mug']);

function track(errors: ShoppableError[] = []) {
  return new PinTrack({ knows: (id) => known.has(id), onIssue: (e) => errors.push(e) });
}

describe('live pins (pure)', () => {
  it('parses attribute lists, refusing huge values and broken quoting', () => {
    expect(parseAttributeList('ID="a,b",DURATION=3.5,X-LABEL="Hi"')).to.deep.equal({ ID: 'a,b', DURATION: '3.5', 'X-LABEL': 'Hi' });
    expect(parseAttributeList(`ID="${'x'.repeat(1025)}"`)).to.be.a('string');
    expect(parseAttributeList('ID="open')).to.be.a('string');
    expect(parseAttributeList('lower=1')).to.be.a('string');
  });

  it('maps START-DATE to media time through PROGRAM-DATE-TIME, across a discontinuity', () => {
    const a = [...anchors(0, 3), { time: 6, date: T0 + 60_000 }]; // the clock jumped a minute at 6 s
    expect(mediaTimeOf(T0 + 3500, a)).to.equal(3.5);
    expect(mediaTimeOf(T0 + 61_000, a)).to.equal(7);
  });

  it('a pin lasts until the next pin of the same product, an END-DATE, a DURATION, or the show end', () => {
    const t = track();
    t.dateRanges([pin('a', 'tee', 1), pin('b', 'cap', 2, { DURATION: '1.5' }), pin('c', 'tee', 5), pin('d', 'mug', 3)], anchors());
    const ends = () => Object.fromEntries(t.cues('daterange').map((c) => [c.id, [c.start, c.end]]));
    expect(ends()).to.deep.equal({ a: [1, 5], b: [2, 3.5], d: [3, Infinity], c: [5, Infinity] });
    // The same ID again with END-DATE ends it.
    t.dateRanges([pin('a', 'tee', 1), pin('b', 'cap', 2, { DURATION: '1.5' }), pin('c', 'tee', 5, { 'END-DATE': iso(8) }), pin('d', 'mug', 3)], anchors());
    expect(ends()['c']).to.deep.equal([5, 8]);
    // ENDLIST: open pins end with the show.
    t.setWindow({ start: 0, end: 12, ended: true });
    expect(ends()['d']).to.deep.equal([3, 12]);
  });

  it('END-ON-NEXT ends a pin at the next pin of any product', () => {
    const t = track();
    t.dateRanges([pin('a', 'tee', 1, { 'END-ON-NEXT': 'YES' }), pin('b', 'cap', 4)], anchors());
    expect(t.cues('daterange').find((c) => c.id === 'a')!.end).to.equal(4);
  });

  it('reads position and label, clamps the label, ignores an out-of-range position', () => {
    const t = track();
    t.dateRanges([pin('a', 'tee', 1, { 'X-X': '0.25', 'X-Y': '0.75', 'X-LABEL': 'L'.repeat(300) }), pin('b', 'cap', 1, { 'X-X': '4', 'X-Y': '0.5' })], anchors());
    const [a, b] = t.cues('daterange');
    expect([a!.x, a!.y, a!.label!.length]).to.deep.equal([0.25, 0.75, 120]);
    expect(b!.x).to.equal(undefined);
  });

  it('reports malformed tags and unknown products in one issue per parse, once, and ignores them', () => {
    const errors: ShoppableError[] = [];
    const t = track(errors);
    const bad = [
      pin('nodate', 'tee', 1, { 'START-DATE': 'yesterday' }),
      { attrs: { ID: 'noproduct', CLASS: 'com.shoppable-video.product', 'START-DATE': iso(1) } },
      pin('huge', 'tee', 1, { 'X-LABEL': 'x'.repeat(2000) }),
      pin('ghost', 'not-in-show', 2),
      pin('ok', 'tee', 3),
    ];
    t.dateRanges(bad, anchors());
    expect(errors).to.have.length(1);
    expect(errors[0]!.fatal).to.equal(false);
    expect(errors[0]!.message).to.match(/START-DATE/).and.match(/3 more issues/);
    expect(t.cues('daterange').map((c) => c.id)).to.deep.equal(['ok']);
    // The next playlist refresh carries the same tags: not reported again.
    t.dateRanges(bad, anchors());
    expect(errors).to.have.length(1);
  });

  it('drops pins that left the window and keeps the one still open at its start (late join)', () => {
    const t = track();
    t.dateRanges([pin('a', 'tee', 1, { DURATION: '2' }), pin('b', 'cap', 2), pin('c', 'tee', 9)], anchors());
    t.setWindow({ start: 6, end: 18, ended: false });
    expect(t.cues('daterange').map((c) => c.id)).to.deep.equal(['b', 'c']);
    expect(t.size).to.equal(2);
  });

  it('six hours of pins in a sliding window keep at most the window\'s pins (and the cap)', () => {
    const errors: ShoppableError[] = [];
    const t = track(errors);
    const windowSegs = 30; // 60 s of DVR
    let maxKept = 0;
    // A pin every 5 s for 6 hours (4,320 pins), each ended after 4 s; the playlist slides 2 s at a time.
    for (let seg = 0; seg < 6 * 3600 / 2; seg++) {
      const from = Math.max(0, seg - windowSegs + 1);
      const inWindow: DateRangeInput[] = [];
      for (let s = Math.ceil((from * 2) / 5) * 5; s <= seg * 2; s += 5) inWindow.push(pin(`p${s}`, ['tee', 'cap', 'mug'][(s / 5) % 3]!, s, { DURATION: '4' }));
      t.dateRanges(inWindow, anchors(from, seg - from + 1), { start: from * 2, end: seg * 2 + 2, ended: false });
      maxKept = Math.max(maxKept, t.size);
    }
    expect(maxKept).to.be.at.most(13);
    expect(t.cues('daterange').length).to.be.at.most(13);
    expect(errors).to.deep.equal([]);
  });

  it('keeps at most 2,000 pins however many a playlist carries, and says so once', () => {
    const errors: ShoppableError[] = [];
    const t = track(errors);
    const many = Array.from({ length: 5000 }, (_, i) => pin(`p${i}`, 'tee', i / 100));
    t.dateRanges(many, anchors(0, 30));
    expect(t.size).to.equal(2000);
    expect(errors).to.have.length(1);
    expect(errors[0]!.code).to.equal('LIVE_PIN_LIMIT');
  });

  it('stock and price updates take effect at their media time, per product or variant', () => {
    const t = track();
    t.dateRanges([stock('tee', 2, { 'X-STOCK': '3', 'X-PRICE': '1999' }), stock('tee', 6, { 'X-STOCK': '0' }), stock('cap', 4, { 'X-VARIANT-ID': 'cap-red', 'X-STOCK': '2' })], anchors());
    expect(t.stockAt(1).size).to.equal(0);
    expect(t.stockAt(3).get('tee')).to.deep.include({ inventory: 3, available: true, price: 1999 });
    expect(t.stockAt(7).get('tee')).to.deep.include({ inventory: 0, available: false, price: 1999 });
    expect(t.stockAt(5).get('cap')!.variants!.get('cap-red')).to.deep.equal({ inventory: 2, available: true });
    expect([t.stockCountAt(1), t.stockCountAt(4), t.stockCountAt(100)]).to.deep.equal([0, 2, 3]);
    // Updates that left the window fold into the baseline: the state is kept, the list is not.
    t.setWindow({ start: 10, end: 20, ended: false });
    expect(t.stockSize).to.equal(0);
    expect(t.stockAt(10).get('tee')).to.deep.include({ inventory: 0, available: false });
  });

  it('withStock: a single-variant product gets the count on its variant; other variants are untouched', () => {
    const single = { id: 'tee', title: 'Tee', variants: [{ id: 'v1', options: [] }] };
    expect(withStock(single, { inventory: 3, available: true }).variants![0]).to.deep.include({ inventory: 3, available: true });
    const two = { id: 'cap', title: 'Cap', variants: [{ id: 'r', options: ['Red'] }, { id: 'b', options: ['Blue'] }] };
    const live = withStock(two, { variants: new Map([['r', { inventory: 0, available: false }]]) });
    expect(live.variants![0]).to.deep.include({ available: false });
    expect(live.variants![1]).to.equal(two.variants[1]);
    expect(live.available).to.equal(true);
  });

  it('ID3: TXXX com.shoppable-video pins, unpins and stock at the frame media time', () => {
    const t = track();
    const frame = (json: object) => id3Txxx('com.shoppable-video', JSON.stringify(json));
    expect(readId3Txxx(frame({ type: 'pin' }))).to.deep.equal([{ info: 'com.shoppable-video', data: '{"type":"pin"}' }]);
    t.id3([
      { time: 4, data: frame({ type: 'pin', id: 'i1', productId: 'tee', x: 0.5, y: 0.5, label: 'Now' }) },
      { time: 4.5, data: id3Txxx('other', '{}') },
      { time: 5, data: frame({ type: 'stock', productId: 'tee', stock: 2 }) },
    ]);
    expect(t.cues('id3')).to.deep.equal([{ id: 'i1', productId: 'tee', start: 4, end: Infinity, source: 'id3', x: 0.5, y: 0.5, label: 'Now' }]);
    // The same segment parsed again (level switch) changes nothing; an unpin ends it.
    t.id3([{ time: 4, data: frame({ type: 'pin', id: 'i1', productId: 'tee', x: 0.5, y: 0.5, label: 'Now' }) }]);
    t.id3([{ time: 9, data: frame({ type: 'unpin', id: 'i1' }) }]);
    expect(t.cues('id3')[0]!.end).to.equal(9);
    expect(t.stockAt(6).get('tee')!.inventory).to.equal(2);
  });

  it('ID3: garbage bytes and bad JSON are reported, never thrown', () => {
    const errors: ShoppableError[] = [];
    const t = track(errors);
    const junk = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f, 1, 2, 3]);
    t.id3([{ time: 1, data: junk }, { time: 1, data: id3Txxx('com.shoppable-video', '{not json') }]);
    expect(t.size).to.equal(0);
    expect(errors).to.have.length(1);
  });

  it('native HLS: metadata cues (one per DATERANGE attribute, and TXXX cues) give the same timeline', () => {
    const hlsjs = track();
    hlsjs.dateRanges([pin('a', 'tee', 2, { 'X-X': '0.3', 'X-Y': '0.4' }), pin('b', 'tee', 6, { DURATION: '2' })], anchors());
    const native = track();
    // Safari: a cue per attribute, id = the DATERANGE's ID, times already media time; an open
    // DATERANGE's cues end at Infinity (or the duration).
    const dr = (id: string, start: number, end: number, attrs: Record<string, string>) =>
      Object.entries(attrs).map(([key, data]) => ({ id, startTime: start, endTime: end, type: 'com.apple.quicktime.HLS', value: { key, data } }));
    native.metadataCues([
      ...dr('a', 2, Infinity, { CLASS: 'com.shoppable-video.product', 'START-DATE': iso(2), 'X-PRODUCT-ID': 'tee', 'X-X': '0.3', 'X-Y': '0.4' }),
      ...dr('b', 6, 8, { CLASS: 'com.shoppable-video.product', 'START-DATE': iso(6), 'X-PRODUCT-ID': 'tee', DURATION: '2' }),
      { startTime: 3, endTime: 3.1, type: 'org.id3', value: { key: 'TXXX', info: 'com.shoppable-video', data: '{"type":"pin","id":"i","productId":"cap"}' } },
    ]);
    expect(native.cues('daterange')).to.deep.equal(hlsjs.cues('daterange'));
    expect(native.cues('id3').map((c) => [c.id, c.start])).to.deep.equal([['i', 3]]);
  });
});
