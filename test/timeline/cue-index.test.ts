import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CueIndex } from '../../src/timeline/cue-index.js';
import type { Cue } from '../../src/timeline/types.js';

const cue = (id: string, start: number, end: number): Cue => ({ id, productId: 'p', start, end });

/** Times on a coarse grid (so starts, ends and queries collide often) or anywhere. */
const time = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 20, noNaN: true }));
const cues = fc
  .array(
    fc.tuple(time, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 }), fc.double({ min: 0, max: 8, noNaN: true }), fc.constant(Infinity))),
    { maxLength: 60 },
  )
  .map((list) => list.map(([start, length], i) => cue(`c${i}`, start, start + length)));

/** The specification: [start, end), ordered by start, ties in input order. */
const brute = (list: Cue[], t: number) =>
  list
    .filter((c) => c.start <= t && t < c.end)
    .sort((a, b) => a.start - b.start)
    .map((c) => c.id);
const ids = (list: Cue[]) => list.map((c) => c.id);
const minus = (a: string[], b: string[]) => a.filter((id) => !b.includes(id)).sort();

describe('CueIndex', () => {
  it('agrees with a brute-force scan for activeAt (property)', () => {
    fc.assert(
      fc.property(cues, time, (list, t) => {
        expect(ids(new CueIndex(list).activeAt(t))).to.deep.equal(brute(list, t));
      }),
      { numRuns: 2000 },
    );
  });

  it('changes(from, to) is exactly the difference of the two active sets, both directions (property)', () => {
    fc.assert(
      fc.property(cues, time, time, (list, from, to) => {
        const { entered, exited } = new CueIndex(list).changes(from, to);
        expect(ids(entered).sort()).to.deep.equal(minus(brute(list, to), brute(list, from)));
        expect(ids(exited).sort()).to.deep.equal(minus(brute(list, from), brute(list, to)));
      }),
      { numRuns: 2000 },
    );
  });

  it('uses half-open intervals: active at start, not at end; zero-length cues never', () => {
    const index = new CueIndex([cue('a', 1, 2), cue('b', 2, 3), cue('zero', 2, 2), cue('live', 2, Infinity)]);
    expect(ids(index.activeAt(0.999))).to.deep.equal([]);
    expect(ids(index.activeAt(1))).to.deep.equal(['a']);
    expect(ids(index.activeAt(2))).to.deep.equal(['b', 'live']);
    expect(ids(index.activeAt(1e9))).to.deep.equal(['live']);
    expect(index.changes(1.5, 2)).to.deep.equal({ entered: [index.cues[1], index.cues[3]], exited: [index.cues[0]] });
  });

  it('does not report a cue skipped over between two instants', () => {
    const index = new CueIndex([cue('short', 1, 1.01), cue('long', 0, 10)]);
    expect(index.changes(0.99, 1.02)).to.deep.equal({ entered: [], exited: [] });
    expect(index.changes(9, 0.5)).to.deep.equal({ entered: [], exited: [] });
  });

  it('handles an empty index', () => {
    const index = new CueIndex([]);
    expect(index.activeAt(3)).to.deep.equal([]);
    expect(index.changes(0, 5)).to.deep.equal({ entered: [], exited: [] });
  });

  it('answers 10,000 cues the same as a brute-force scan', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const list = Array.from({ length: 10_000 }, (_, i) => {
      const start = random() * 600;
      return cue(`c${i}`, start, random() < 0.01 ? Infinity : start + 1 + random() * 20);
    });
    const index = new CueIndex(list);
    for (let t = 0; t < 620; t += 7.3) expect(ids(index.activeAt(t))).to.deep.equal(brute(list, t));
  });
});
