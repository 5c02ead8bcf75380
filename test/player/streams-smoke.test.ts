// Smoke test for the committed test streams (test/fixtures/streams, made by
// scripts/make-streams.sh): each one plays in the real browser, through hls.js directly
// (no player element), so a broken fixture fails here and not in some unrelated test.
import Hls, { type HlsConfig, type ManifestParsedData } from 'hls.js';
import { expect } from '@open-wc/testing';
import { until } from '../helpers.js';

const BASE = '/test/fixtures/streams';
const EN = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const DE = ['eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn'];

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function makeVideo(): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  document.body.append(video);
  cleanups.push(() => {
    video.pause();
    video.removeAttribute('src');
    video.load();
    video.remove();
  });
  return video;
}

/** Attaches hls.js to `video`, resolves with the MANIFEST_PARSED data; rejects on a fatal error. */
function loadHls(video: HTMLVideoElement, url: string, config: Partial<HlsConfig> = {}) {
  const hls = new Hls({ debug: false, ...config });
  cleanups.push(() => hls.destroy());
  let fail: (e: Error) => void = () => {};
  const fatal = new Promise<never>((_, reject) => (fail = reject));
  fatal.catch(() => {});
  hls.on(Hls.Events.ERROR, (_e, data) => {
    if (data.fatal) fail(new Error(`hls.js fatal error on ${url}: ${data.type} / ${data.details}`));
  });
  const parsed = new Promise<ManifestParsedData>((resolve) => hls.once(Hls.Events.MANIFEST_PARSED, (_e, data) => resolve(data)));
  hls.loadSource(url);
  hls.attachMedia(video);
  return { hls, parsed: Promise.race([parsed, fatal]), fatal };
}

/** Plays and waits until currentTime passes `seconds`, failing early on a fatal hls.js error. */
async function playPast(video: HTMLVideoElement, seconds: number, fatal?: Promise<never>): Promise<void> {
  await video.play();
  await Promise.race([until(() => video.currentTime > seconds, `currentTime > ${seconds}`, 15_000), ...(fatal ? [fatal] : [])]);
}

/** Mean brightness (0-255) of the current frame: testsrc2 is colourful, never black. */
function brightness(video: HTMLVideoElement): number {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 36;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
  return sum / (data.length / 4);
}

/** The cue for time `t` (cue i covers [2i, 2i + 2)), or the one before it: activeCues is
 * updated on timeupdate, so it can lag currentTime a little. */
function expectedCue(prefix: string, words: string[], t: number): string[] {
  const i = Math.floor(t / 2);
  return [words[i], words[i - 1]].filter(Boolean).map((w) => `${prefix} ${w}`);
}

function activeCueTexts(track: TextTrack | undefined): string[] {
  return [...(track?.activeCues ?? [])].map((c) => (c as VTTCue).text);
}

describe('test streams (test/fixtures/streams)', () => {
  it('ts/index.m3u8: MPEG-TS H.264 + AAC plays through hls.js', async () => {
    const video = makeVideo();
    const { parsed, fatal } = loadHls(video, `${BASE}/ts/index.m3u8`);
    const data = await parsed;
    expect(data.levels).to.have.length(1);
    await playPast(video, 1, fatal);
    expect(video.videoWidth).to.equal(320);
    expect(video.videoHeight).to.equal(180);
    expect(video.duration).to.be.closeTo(20, 0.2);
    expect(brightness(video)).to.be.greaterThan(20);
  });

  it('fmp4/master.m3u8: fMP4 with 3 renditions plays through hls.js', async () => {
    const video = makeVideo();
    const { hls, parsed, fatal } = loadHls(video, `${BASE}/fmp4/master.m3u8`);
    const data = await parsed;
    expect(data.levels).to.have.length(3);
    expect(data.levels.map((l) => `${l.width}x${l.height}`)).to.deep.equal(['256x144', '426x240', '640x360']);
    for (const level of data.levels) {
      expect(level.videoCodec).to.match(/^avc1\.4d40[0-9a-f]{2}$/);
      expect(level.audioCodec).to.equal('mp4a.40.2');
    }
    const bitrates = data.levels.map((l) => l.bitrate);
    expect([...bitrates].sort((a, b) => a - b)).to.deep.equal(bitrates);
    expect(hls.audioTracks).to.have.length(1);
    await playPast(video, 1, fatal);
    expect(video.duration).to.be.closeTo(20, 0.2);
    expect(brightness(video)).to.be.greaterThan(20);
  });

  it('subs/master.m3u8: two WebVTT subtitle tracks, cues placed on the video timeline', async () => {
    const video = makeVideo();
    const { hls, parsed, fatal } = loadHls(video, `${BASE}/subs/master.m3u8`);
    const data = await parsed;
    expect(data.subtitleTracks.map((t) => [t.name, t.lang])).to.deep.equal([
      ['English', 'en'],
      ['Deutsch', 'de'],
    ]);
    const track = (lang: string) =>
      [...video.textTracks].find((t) => t.kind === 'subtitles' && t.language === lang);
    await until(() => track('en') && track('de'), 'hls.js to create the en and de text tracks', 5_000);
    expect([...video.textTracks].filter((t) => t.kind === 'subtitles')).to.have.length(2);

    await video.play();
    // Within ~5 s of play an English cue is active, and it is the one for the current time.
    await Promise.race([until(() => activeCueTexts(track('en')).length > 0, 'an active English cue', 5_000), fatal]);
    const t = video.currentTime;
    expect(activeCueTexts(track('en'))).to.have.length(1);
    expect(activeCueTexts(track('en'))[0]).to.be.oneOf(expectedCue('Caption', EN, t));

    // Cue i covers [2i, 2i + 2): just after 3 s the second cue is showing. A wrong
    // X-TIMESTAMP-MAP (e.g. ignoring the 1.4 s MPEG-TS clock offset, in either direction)
    // would show the first or the third cue here.
    await Promise.race([until(() => video.currentTime > 3, 'currentTime > 3', 10_000), fatal]);
    expect(activeCueTexts(track('en'))).to.deep.equal(['Caption two']);
    expect(video.currentTime).to.be.lessThan(4);

    // Switching to German loads the other playlist.
    hls.subtitleTrack = 1;
    await Promise.race([until(() => activeCueTexts(track('de')).length > 0, 'an active German cue', 5_000), fatal]);
    const tDe = video.currentTime;
    expect(activeCueTexts(track('de'))[0]).to.be.oneOf(expectedCue('Untertitel', DE, tDe));
  });

  it('mp4/clip.mp4: progressive MP4 plays by plain video.src', async () => {
    const video = makeVideo();
    video.src = `${BASE}/mp4/clip.mp4`;
    await playPast(video, 1);
    expect(video.videoWidth).to.equal(320);
    expect(video.videoHeight).to.equal(180);
    expect(video.duration).to.be.closeTo(20, 0.1);
    expect(brightness(video)).to.be.greaterThan(20);
  });
});
