import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { liveHlsInstances } from '../../src/player/pipeline.js';
import { STREAMS, firstFrame, until } from '../helpers.js';

/**
 * Tracks the listeners registered on document and window while `fn` runs, as the DOM does:
 * one registration per (target, type, capture, listener), added once however many times it
 * is added, gone only when that same registration is removed. Returns those still
 * registered: an extra remove elsewhere cannot hide a leak.
 */
async function leakedListeners(fn: () => Promise<void>): Promise<string[]> {
  const live = new Map<EventTarget, Map<string, Set<unknown>>>();
  const targets = [document, window] as EventTarget[];
  const names = new Map<EventTarget, string>([[document, 'document'], [window, 'window']]);
  const capture = (o: unknown) => (typeof o === 'boolean' ? o : Boolean((o as { capture?: boolean } | undefined)?.capture));
  const registrations = (t: EventTarget, type: string, options: unknown) => {
    const byType = live.get(t) ?? live.set(t, new Map()).get(t)!;
    const key = `${type}${capture(options) ? ' (capture)' : ''}`;
    return byType.get(key) ?? byType.set(key, new Set()).get(key)!;
  };
  const saved = targets.map((t) => [t.addEventListener, t.removeEventListener] as const);
  for (const t of targets) {
    const add = t.addEventListener;
    const remove = t.removeEventListener;
    t.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
      if (args[1]) registrations(this, args[0], args[2]).add(args[1]);
      return add.apply(this, args);
    };
    t.removeEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['removeEventListener']>) {
      if (args[1]) registrations(this, args[0], args[2]).delete(args[1]);
      return remove.apply(this, args);
    };
  }
  try {
    await fn();
  } finally {
    targets.forEach((t, i) => ([t.addEventListener, t.removeEventListener] = saved[i]!));
  }
  const leaked: string[] = [];
  for (const [t, byType] of live) for (const [type, set] of byType) if (set.size) leaked.push(`${names.get(t)} ${type} ×${set.size}`);
  return leaked;
}

describe('teardown', () => {
  it('the listener check sees a leak that an unrelated extra remove would have cancelled out', async () => {
    const leaked = await leakedListeners(async () => {
      window.addEventListener('resize', () => undefined); // never removed
      window.removeEventListener('scroll', () => undefined); // never added
    });
    expect(leaked).to.deep.equal(['window resize ×1']);
  });

  it('100 mount/unmount cycles leave no hls.js instance, loaded <video> or listener behind', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const videos: HTMLVideoElement[] = [];
    const leaked = await leakedListeners(async () => {
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
    expect(leaked, 'listeners left on document and window').to.deep.equal([]);
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
    let leaked: string[] = [];
    const observers = await liveObservers(async () => {
      leaked = await leakedListeners(async () => {
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
    expect(leaked, 'listeners left on document and window').to.deep.equal([]);
    expect(liveHlsInstances.size).to.equal(0);
  });
});
