import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { liveHlsInstances } from '../../src/player/pipeline.js';
import { STREAMS, firstFrame, until } from '../helpers.js';

/** Counts listeners added to and removed from document and window while `fn` runs. */
async function countListeners(fn: () => Promise<void>): Promise<number> {
  let net = 0;
  const targets = [document, window] as EventTarget[];
  const saved = targets.map((t) => [t.addEventListener, t.removeEventListener] as const);
  for (const t of targets) {
    const add = t.addEventListener;
    const remove = t.removeEventListener;
    t.addEventListener = function (...args: Parameters<EventTarget['addEventListener']>) {
      net++;
      return add.apply(this, args);
    };
    t.removeEventListener = function (...args: Parameters<EventTarget['removeEventListener']>) {
      net--;
      return remove.apply(this, args);
    };
  }
  try {
    await fn();
  } finally {
    targets.forEach((t, i) => ([t.addEventListener, t.removeEventListener] = saved[i]!));
  }
  return net;
}

describe('teardown', () => {
  it('100 mount/unmount cycles leave no hls.js instance, loaded <video> or listener behind', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const videos: HTMLVideoElement[] = [];
    const net = await countListeners(async () => {
      for (let i = 0; i < 100; i++) {
        const el = document.createElement('shoppable-video');
        el.muted = true;
        el.src = i % 2 ? STREAMS.fmp4 : STREAMS.ts;
        host.append(el);
        await el.updateComplete;
        if (i % 10 === 0) {
          await el.play();
          await firstFrame(el.media!);
        } else {
          // Remove at a random point of loading: before, during and after hls.js attaches.
          await new Promise((r) => setTimeout(r, i % 3 === 0 ? 0 : 30));
        }
        videos.push(el.media!);
        el.remove();
      }
    });
    expect(liveHlsInstances.size, 'hls.js instances alive').to.equal(0);
    // The media load algorithm settles at the next stable state.
    await new Promise((r) => setTimeout(r, 0));
    expect(net, 'net listeners on document and window').to.equal(0);
    // NETWORK_EMPTY with no src: the element holds no resource (Chromium keeps a stale currentSrc string).
    const loaded = videos.filter((v) => v.networkState !== HTMLMediaElement.NETWORK_EMPTY || v.getAttribute('src') || v.readyState > 0 || !v.paused);
    expect(loaded.length, '<video> elements still holding media').to.equal(0);
    expect(document.querySelectorAll('shoppable-video').length).to.equal(0);
  });

  it('reconnecting works and resumes where it was', async () => {
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.fmp4} muted></shoppable-video>`);
    await el.play();
    el.currentTime = 6;
    await until(() => el.currentTime >= 6 && !el.media!.seeking, 'seek');
    const parent = el.parentElement!;
    el.remove();
    expect(liveHlsInstances.size).to.equal(0);
    parent.append(el);
    await el.play();
    await until(() => el.playing && el.currentTime > 6, 'playback to resume after reconnect');
  });
});
