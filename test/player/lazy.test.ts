// hls.js must not be requested before it is needed. Each test file runs in its own page, so
// the resource timeline here starts empty; the order of these tests matters.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { STREAMS, firstFrame, requested, until } from '../helpers.js';

const HLS_JS = /\/hls\.js\//;
const PLAYLISTS = /\.m3u8/;
const settle = () => new Promise((r) => setTimeout(r, 600));

describe('lazy loading', () => {
  it('a player far below the viewport loads nothing until it nears the viewport', async () => {
    const box = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 4000px"></div>
      <shoppable-video src=${STREAMS.fmp4} muted></shoppable-video>
    </div>`);
    const el = box.querySelector<ShoppableVideoElement>('shoppable-video')!;
    await settle();
    expect(requested(HLS_JS), 'hls.js requested while far away').to.deep.equal([]);
    expect(requested(PLAYLISTS), 'playlists requested while far away').to.deep.equal([]);
    expect(el.engine).to.equal(null);

    el.scrollIntoView();
    await until(() => requested(HLS_JS).length > 0, 'hls.js to be requested once in view');
    await until(() => el.renditions.length === 3, 'the playlist to load (preload=metadata)');
    expect(el.paused).to.be.true;
    window.scrollTo(0, 0);
  });

  it('with preload="none" nothing loads in view until play()', async () => {
    performance.clearResourceTimings();
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.ts} preload="none" muted></shoppable-video>`);
    await settle();
    expect(requested(PLAYLISTS)).to.deep.equal([]);
    expect(el.engine).to.equal(null);
    await el.play();
    await firstFrame(el.media!);
    expect(requested(/ts\/index\.m3u8/)).to.have.length(1);
  });

  it('autoplay starts muted once in view', async () => {
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.mp4} autoplay></shoppable-video>`);
    await until(() => el.playing, 'autoplay to start');
    expect(el.media!.muted).to.be.true;
  });
});
