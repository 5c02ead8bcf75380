/** Mounts a real player playing the example show (docs/examples/show.json) with its overlay. */
import { fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { ShoppableOverlayElement } from '../../src/overlay/overlay.component.js';
import type { Show } from '../../src/timeline/types.js';
import { STREAMS, shadow, until } from '../helpers.js';

export const SHOW = '/docs/examples/show.json';

export interface Mounted {
  player: ShoppableVideoElement;
  overlay: ShoppableOverlayElement;
  /** Seeks (paused) to `t` and waits until exactly the cues `ids` are active and rendered. */
  at: (t: number, ...ids: string[]) => Promise<void>;
}

/**
 * The example show on the committed fMP4 stream (20 s, like the show), muted, in a box
 * `width` wide. `checkout` names a built-in adapter (the local storefront answers at the same origin).
 * `show` replaces the example show (a manifest URL or object); `src` the stream.
 */
export async function mount(options: { width?: string; checkout?: string; dir?: string; show?: string | Show; src?: string } = {}): Promise<Mounted> {
  const box = await fixture<HTMLDivElement>(html`<div style="width: ${options.width ?? '800px'}" dir=${options.dir ?? 'ltr'}>
    <shoppable-video src=${options.src ?? STREAMS.fmp4} .show=${options.show ?? SHOW} checkout=${options.checkout ?? ''} locale="en-US" muted label="Spring show"></shoppable-video>
  </div>`);
  const player = box.querySelector('shoppable-video')!;
  const overlay = (await until(() => player.overlay, 'the overlay')) as ShoppableOverlayElement;
  await until(() => player.media!.videoWidth > 0, 'video metadata');
  await overlay.updateComplete;
  const at = async (t: number, ...ids: string[]) => {
    player.currentTime = t;
    const want = [...ids].sort().join();
    await until(() => overlay.active.map((c) => c.id).sort().join() === want, `cues ${want} at ${t} s`);
    await overlay.updateComplete;
    await frames();
  };
  return { player, overlay, at };
}

/** An element of the overlay's shadow root by part name (or any other selector). */
export function piece<T extends Element = HTMLElement>(overlay: ShoppableOverlayElement, name: string): T {
  return shadow<T>(overlay, /^[a-z-]+$/.test(name) ? `[part~="${name}"]` : name);
}

/** The hotspot of a cue. */
export const spot = (overlay: ShoppableOverlayElement, cueId: string) => piece(overlay, `.hotspot[data-cue="${cueId}"]`);

/** Resolves after `n` animation frames (layout, Floating UI's first placement). */
export const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (i: number) => (i ? requestAnimationFrame(() => step(i - 1)) : resolve());
    step(n);
  });

/** The element a tap at (x, y) lands on, through shadow roots. */
export function hit(x: number, y: number): Element | null {
  let el = document.elementFromPoint(x, y);
  while (el?.shadowRoot) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}

/** The centre of a box (where a tap aims). */
export const mid = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

/** Plays `player`, scrolls it away and waits until it floats in the mini-player; returns the filler to remove. */
export async function floatMiniPlayer(player: ShoppableVideoElement): Promise<HTMLElement> {
  const below = document.createElement('div');
  below.style.height = '3000px';
  player.parentElement!.after(below);
  try {
    await player.play();
    await until(() => player.playing, 'playback');
    window.scrollTo(0, 1500);
    await until(() => player.hasAttribute('floating'), 'the mini-player');
    await Promise.all(shadow(player, '.frame').getAnimations().map((a) => a.finished));
    return below;
  } catch (e) {
    below.remove();
    throw e;
  }
}
