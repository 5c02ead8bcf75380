// Start-up with a show: a product whose cue starts at 0 s is on screen with the first video
// frame. The show and overlay chunks are loaded up front here: whether they arrive before the
// video's first frame is a race of the network and the machine, measured by bench/startup.mjs
// ("cue at 0 s → card"); what is tested is that, once they are there, the player puts the card
// on screen in the rendering step of the first video frame or the next — not on a later media
// event.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { Show } from '../../src/timeline/types.js';
import '../../src/overlay/define.js';
import '../../src/elements/show-binding.js';
import { STREAMS, until, failOnUncaught } from '../helpers.js';

const SHOW: Show = {
  version: '1.0',
  id: 'first-card',
  currency: 'USD',
  products: [
    { id: 'hoops', title: 'Small Gold Hoop Earrings', price: 4500, url: '/products/small-gold-hoops' },
    { id: 'tee', title: 'Linen Tee', price: 2900, url: '/products/linen-tee' },
  ],
  cues: [
    { id: 'hoops-at-start', productId: 'hoops', start: 0, end: 6, x: 0.6, y: 0.3, label: 'Gold hoops' },
    { id: 'tee-later', productId: 'tee', start: 4, end: 8, x: 0.3, y: 0.5 },
  ],
};

/** The hotspot of `cueId` as the shopper sees it: in the overlay, laid out inside the player, not hidden. */
function hotspotShown(el: ShoppableVideoElement, cueId: string): boolean {
  const spot = el.overlay?.shadowRoot?.querySelector<HTMLElement>(`[part~="hotspot"][data-cue="${cueId}"]`);
  if (!spot?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
  const box = spot.getBoundingClientRect();
  const frame = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
}

describe('the first card at start-up', () => {
  failOnUncaught();

  it('a cue at 0 s is on screen in the first video frame (manifest URL, autoplay)', async () => {
    const manifest = URL.createObjectURL(new Blob([JSON.stringify(SHOW)], { type: 'application/json' }));
    const el = document.createElement('shoppable-video');
    el.muted = true;
    el.autoplay = true;
    el.setAttribute('show', manifest);
    el.setAttribute('src', STREAMS.fmp4);
    el.style.cssText = 'width: 640px; aspect-ratio: 16 / 9';
    document.body.prepend(el);
    // Rendering steps are counted by animation frames. Video frame callbacks run just before the
    // animation frame callbacks of the same step, so a hotspot seen by the animation frame callback
    // of step n was laid out and painted in step n.
    let step = 0;
    let shownAt = -1;
    let stop = false;
    const count = () => {
      if (shownAt < 0 && hotspotShown(el, 'hoops-at-start')) shownAt = step;
      step++;
      if (!stop) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    try {
      await el.updateComplete;
      const first = await new Promise<{ step: number; time: number }>((resolve) =>
        el.media!.requestVideoFrameCallback((_now, meta) => resolve({ step, time: meta.mediaTime })),
      );
      // (On a busy machine the first frame presented may be a little past 0: still inside the first cue only.)
      expect(first.time, 'the first frame is at the start of the video').to.be.below(4);
      await until(() => shownAt >= 0 || step > first.step + 30, 'the hotspot, or 30 frames');
      expect(shownAt, 'the 0-s product on screen within one frame of the first video frame').to.be.within(0, first.step + 1);
      expect(hotspotShown(el, 'tee-later'), 'a later cue is not shown yet').to.be.false;
      await until(() => el.playing, 'playback');
    } finally {
      stop = true;
      el.remove();
      URL.revokeObjectURL(manifest);
    }
  });
});
