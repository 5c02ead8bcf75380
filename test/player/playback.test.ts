import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { STREAMS, firstFrame, until, failOnUncaught } from '../helpers.js';

async function player(src: string, extra = ''): Promise<ShoppableVideoElement> {
  const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${src} muted captions-lang=${extra}></shoppable-video>`);
  return el;
}

describe('playback', () => {
  failOnUncaught();

  for (const [name, src] of [['MPEG-TS', STREAMS.ts], ['fMP4', STREAMS.fmp4]] as const) {
    it(`plays ${name} HLS through hls.js: first frame, time advances, seeking works`, async () => {
      const el = await player(src);
      await el.play();
      const video = el.media!;
      const meta = await firstFrame(video);
      expect(meta.presentedFrames).to.be.greaterThan(0);
      expect(el.engine).to.equal('hls.js');
      await until(() => el.hasAttribute('playing'), 'the playing attribute');
      const t0 = el.currentTime;
      await until(() => el.currentTime > t0 + 0.5, 'time to advance');

      el.currentTime = 12;
      await until(() => el.currentTime >= 12 && !video.seeking, 'the seek to land');
      await until(() => el.currentTime > 12.3, 'playback to continue after the seek');
      expect(el.duration).to.be.closeTo(20, 0.5);
    });
  }

  it('a seek made before the media has loaded is applied once it has', async () => {
    const el = await player(STREAMS.fmp4);
    el.currentTime = 12; // the playlist is still loading
    expect(el.currentTime).to.equal(12);
    await el.play();
    const meta = await firstFrame(el.media!);
    expect(meta.mediaTime).to.be.within(11.9, 13);
    await until(() => el.currentTime > 12.2, 'playback from 12 s');
  });

  it('lists the renditions of an adaptive stream and switches between them', async () => {
    const el = await player(STREAMS.fmp4);
    await el.play();
    await until(() => el.renditions.length === 3, 'three renditions');
    expect(el.renditions.map((r) => r.height).sort((a, b) => a - b)).to.deep.equal([144, 240, 360]);
    const top = el.renditions.reduce((a, b) => (b.bitrate > a.bitrate ? b : a));
    el.rendition = top.index;
    expect(el.rendition).to.equal(top.index);
    // The quality menu lists Auto plus every rendition.
    await el.updateComplete;
    (el.shadowRoot!.querySelector('[data-menu="quality"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll('[role="menuitemradio"]')].map((b) => (b as HTMLElement).innerText.trim());
    expect(items).to.deep.equal(['Auto', '360p', '240p', '144p']);
  });

  it('shows subtitle cues and switches language', async () => {
    const el = await player(STREAMS.subs, 'en');
    await el.play();
    await until(() => el.captionTracks.length === 2, 'two caption tracks');
    expect(el.captionTracks.map((t) => t.lang)).to.deep.equal(['en', 'de']);
    const showing = () => [...el.media!.textTracks].find((t) => t.mode === 'showing');
    const activeText = () => [...(showing()?.activeCues ?? [])].map((c) => (c as VTTCue).text).join(' ');
    await until(() => /Caption/.test(activeText()), 'an English cue to be showing', 15_000);
    el.captionTrack = 1;
    await until(() => /Untertitel/.test(activeText()), 'a German cue to be showing', 15_000);
    el.captionTrack = -1;
    await until(() => !showing(), 'captions to turn off');
  });

  it('plays a plain MP4 without hls.js', async () => {
    const el = await player(STREAMS.mp4);
    await el.play();
    await firstFrame(el.media!);
    expect(el.engine).to.equal('file');
    await until(() => el.currentTime > 0.3, 'time to advance');
  });

  it('re-dispatches media events from the host and reflects state', async () => {
    const el = await player(STREAMS.mp4);
    const seen: string[] = [];
    for (const t of ['loadedmetadata', 'play', 'playing', 'pause', 'timeupdate']) el.addEventListener(t, () => seen.push(t));
    await el.play();
    await until(() => seen.includes('playing') && seen.includes('timeupdate'), 'playing and timeupdate');
    el.pause();
    await until(() => seen.includes('pause'), 'pause');
    expect(el.hasAttribute('playing')).to.be.false;
    expect(el.paused).to.be.true;
    expect(seen).to.include.members(['loadedmetadata', 'play', 'playing', 'pause', 'timeupdate']);
  });

  it('changing src tears down the old pipeline and plays the new one', async () => {
    const el = await player(STREAMS.ts);
    await el.play();
    await firstFrame(el.media!);
    el.src = STREAMS.mp4;
    await el.updateComplete;
    await el.play();
    await until(() => el.engine === 'file' && el.currentTime > 0.3, 'the new source to play');
    expect(el.media!.src).to.contain('clip.mp4');
  });

  it('starting one player pauses the others unless they opt out', async () => {
    const box = await fixture<HTMLDivElement>(html`<div>
      <shoppable-video id="a" src=${STREAMS.mp4} muted></shoppable-video>
      <shoppable-video id="b" src=${STREAMS.mp4} muted></shoppable-video>
      <shoppable-video id="c" src=${STREAMS.mp4} muted concurrent></shoppable-video>
    </div>`);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => box.querySelector<ShoppableVideoElement>(`#${id}`)!);
    await a!.play();
    await until(() => a!.playing, 'a to play');
    await c!.play();
    await until(() => c!.playing, 'c to play');
    expect(a!.paused, 'a keeps playing when a concurrent player starts').to.be.false;
    await b!.play();
    await until(() => b!.playing && a!.paused, 'b to play and a to pause');
    expect(c!.paused, 'the concurrent player keeps playing').to.be.false;
  });
});
