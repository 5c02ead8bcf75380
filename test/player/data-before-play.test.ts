// Thrifty with the shopper's data: before anyone presses play, a player near the viewport loads
// its playlists, init segments and the first segment of each track (hls.js's audio controller may
// take a second 2-s audio segment) — not the whole show (docs/performance.md, "Data before play").
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { STREAMS, until } from '../helpers.js';

/** Per player before play: playlists, inits, one video segment, one or two audio segments. */
const BYTES_BEFORE_PLAY = 120_000;
const SEGMENTS_BEFORE_PLAY = 3;

const streamEntries = (since: number) =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime >= since && e.name.includes('/test/fixtures/streams/fmp4/'));
const mediaSegments = (entries: PerformanceResourceTiming[]) => entries.filter((e) => /\.m4s(\?|$)/.test(e.name));
const bytes = (entries: PerformanceResourceTiming[]) => entries.reduce((n, e) => n + e.encodedBodySize, 0);
const bufferedEnd = (v: HTMLVideoElement) => (v.buffered.length ? v.buffered.end(v.buffered.length - 1) : 0);
/** Watches for `ms` that nothing more is requested: the absence of loading can only be observed over time. */
const quiet = async (since: number, ms: number) => {
  let count = streamEntries(since).length;
  let calm = performance.now();
  await until(() => {
    const now = streamEntries(since).length;
    if (now !== count) [count, calm] = [now, performance.now()];
    return performance.now() - calm >= ms;
  }, `${ms} ms without a new request`, 15_000);
};

describe('data before play', () => {
  before(() => performance.setResourceTimingBufferSize(10_000));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('one player with preload="metadata" loads one segment per track until play, then buffers ahead', async () => {
    const since = performance.now();
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.fmp4} muted></shoppable-video>`);
    await until(() => bufferedEnd(el.media!) > 0, 'the first segment buffered');
    await quiet(since, 1500);
    const before = streamEntries(since);
    const names = mediaSegments(before).map((e) => e.name.split('/').pop());
    expect(names.length, names.join()).to.be.at.most(SEGMENTS_BEFORE_PLAY);
    expect(names.filter((n) => !n!.startsWith('audio')), 'video segments').to.have.length(1);
    expect(bytes(before), `${bytes(before)} bytes before play`).to.be.below(BYTES_BEFORE_PLAY);
    console.log(`data before play, one player: ${before.length} requests, ${bytes(before)} bytes (${names.join(', ')})`);
    expect(bufferedEnd(el.media!)).to.be.at.most(2.1);

    await el.play();
    await until(() => bufferedEnd(el.media!) >= 8, 'buffering ahead once playing');
    el.pause();
  });

  it('twelve players on a page: only those near the viewport load, one segment per track each', async () => {
    await setViewport({ width: 800, height: 600 });
    const since = performance.now();
    const page = await fixture<HTMLDivElement>(html`<div style="width: 320px">
      ${Array.from({ length: 12 }, () => html`<shoppable-video src=${STREAMS.fmp4} muted concurrent></shoppable-video><div style="height: 400px"></div>`)}
    </div>`);
    const players = [...page.querySelectorAll('shoppable-video')] as ShoppableVideoElement[];
    const near = players.filter((p) => p.getBoundingClientRect().top < innerHeight + 300);
    expect(near.length).to.be.within(1, 3);
    await until(() => near.every((p) => bufferedEnd(p.media!) > 0), 'the players near the viewport ready');
    await quiet(since, 1500);
    const before = streamEntries(since);
    // Segments are cached across players here; count what was asked for per player as well.
    expect(players.filter((p) => p.renditions.length).length, 'players that loaded').to.equal(near.length);
    expect(mediaSegments(before).length).to.be.at.most(SEGMENTS_BEFORE_PLAY * near.length);
    expect(bytes(before)).to.be.below(BYTES_BEFORE_PLAY * near.length);
    for (const p of near) expect(bufferedEnd(p.media!)).to.be.at.most(2.1);
    console.log(`data before play, twelve players (${near.length} near the viewport): ${before.length} requests, ${bytes(before)} bytes`);
  });
});
