// hls.js must not be requested before it is needed. Each test file runs in its own page, so
// the resource timeline here starts empty; the order of these tests matters.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { STREAMS, firstFrame, requested, until } from '../helpers.js';

const HLS_JS = /\/hls\.js\//;
const PLAYLISTS = /\.m3u8/;

/**
 * Resolves once the player has had its chance to start loading: IntersectionObserver has
 * reported on it (the player's own observer, created first, is told first), a frame has run
 * and the element has updated.
 */
async function observed(el: Element): Promise<void> {
  await new Promise<void>((resolve) => {
    const io = new IntersectionObserver(() => {
      io.disconnect();
      resolve();
    });
    io.observe(el);
  });
  await new Promise((r) => requestAnimationFrame(r));
  await (el as ShoppableVideoElement).updateComplete;
}

/** URLs passed to fetch() from now on, recorded when the request starts (not when it ends). */
function fetches(): { urls: string[]; stop: () => void } {
  const urls: string[] = [];
  const original = window.fetch;
  window.fetch = (input, init) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return original(input, init);
  };
  return { urls, stop: () => (window.fetch = original) };
}

describe('lazy loading', () => {
  it('a player far below the viewport loads nothing until it nears the viewport', async () => {
    const started = fetches();
    const box = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 4000px"></div>
      <shoppable-video src=${STREAMS.fmp4} muted></shoppable-video>
    </div>`);
    const el = box.querySelector<ShoppableVideoElement>('shoppable-video')!;
    await observed(el);
    started.stop();
    expect(requested(HLS_JS), 'hls.js requested while far away').to.deep.equal([]);
    expect(started.urls.filter((u) => PLAYLISTS.test(u)), 'playlists requested while far away').to.deep.equal([]);
    expect(el.engine).to.equal(null);

    el.scrollIntoView();
    await until(() => requested(HLS_JS).length > 0, 'hls.js to be requested once in view');
    await until(() => el.renditions.length === 3, 'the playlist to load (preload=metadata)');
    expect(el.paused).to.be.true;
    window.scrollTo(0, 0);
  });

  it('with preload="none" nothing loads in view until play()', async () => {
    performance.clearResourceTimings();
    const started = fetches();
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.ts} preload="none" muted></shoppable-video>`);
    await observed(el);
    started.stop();
    expect(started.urls.filter((u) => PLAYLISTS.test(u)), 'playlists requested before play()').to.deep.equal([]);
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
  it('a player the page lays out in view asks for its master playlist before its first render, once', async () => {
    const src = `${STREAMS.fmp4}?early`;
    const master = new URL(src, location.href).href;
    const started = fetches();
    const el = document.createElement('shoppable-video');
    el.muted = true;
    el.setAttribute('src', src);
    el.style.cssText = 'width: 320px; aspect-ratio: 16 / 9'; // laid out by the page before it renders
    document.body.prepend(el); // in view
    const beforeRender = { rendered: el.hasUpdated, urls: [...started.urls] };
    try {
      expect(beforeRender.rendered, 'rendered already').to.be.false;
      expect(beforeRender.urls, 'requests before the first render').to.include(master);
      // The load after the render takes the request over: the playlist is asked for once.
      await until(() => el.renditions.length === 3, 'the playlist to load');
      await el.play();
      await firstFrame(el.media!);
      expect(started.urls.filter((u) => u === master)).to.have.length(1);
    } finally {
      started.stop();
      el.remove();
    }
  });
});
