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

/** Tracks observers that have something under observation, by class name, while `fn` runs. */
async function liveObservers(fn: () => Promise<void>): Promise<Record<string, number>> {
  const kinds = { IntersectionObserver, ResizeObserver, MutationObserver } as const;
  const live = new Map<object, string>();
  const saved = Object.entries(kinds).map(([name, C]) => {
    const proto = C.prototype as { observe: (...a: unknown[]) => void; disconnect: () => void };
    const { observe, disconnect } = proto;
    proto.observe = function (this: object, ...a: unknown[]) {
      live.set(this, name);
      return observe.apply(this, a);
    };
    proto.disconnect = function (this: object) {
      live.delete(this);
      return disconnect.apply(this);
    };
    return () => Object.assign(proto, { observe, disconnect });
  });
  try {
    await fn();
  } finally {
    saved.forEach((restore) => restore());
  }
  const count: Record<string, number> = {};
  for (const name of live.values()) count[name] = (count[name] ?? 0) + 1;
  return count;
}

describe('teardown with a show, its overlay and a checkout', () => {
  it('30 mount/unmount cycles leave no observer, listener or hls.js instance behind', async () => {
    await fetch('/__store/reset', { method: 'POST', body: '{}' });
    (window as { Shopify?: unknown }).Shopify = { routes: { root: '/' } };
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    let net = 0;
    const observers = await liveObservers(async () => {
      net = await countListeners(async () => {
        for (let i = 0; i < 30; i++) {
          const el = document.createElement('shoppable-video');
          el.muted = true;
          el.src = STREAMS.fmp4;
          el.setAttribute('show', '/demo/show.json');
          el.setAttribute('checkout', 'shopify');
          host.append(el);
          if (i % 5 === 0) {
            // Fully up: playing, overlay with a hotspot, cart flow loaded.
            el.currentTime = 2;
            await el.play();
            await until(() => el.overlay?.shadowRoot?.querySelector('.hotspot') && el.flow, 'overlay and flow');
          } else {
            await new Promise((r) => setTimeout(r, (i % 3) * 40));
          }
          el.remove();
        }
      });
    });
    expect(observers, 'observers still observing').to.deep.equal({});
    expect(net, 'net listeners on document and window').to.equal(0);
    expect(liveHlsInstances.size).to.equal(0);
  });
});
