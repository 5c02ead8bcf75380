// The overlay on its own: per-frame positions come from its `frames` input (a FrameSource it
// subscribes to while connected), and it asks for playback changes with sv-media-request.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/overlay/define.js';
import type { FrameSource, ShoppableOverlayElement } from '../../src/overlay/overlay.component.js';
import type { MediaRequest } from '../../src/player/requests.js';
import type { Point } from '../../src/timeline/interpolate.js';
import type { Cue, Product } from '../../src/timeline/types.js';
import { frames, piece, spot } from './harness.js';

const product: Product = { id: 'p', title: 'Trench coat', url: '/p' };
const moving: Cue = { id: 'walk', productId: 'p', start: 0, end: 10, keyframes: [{ t: 0, x: 0.1, y: 0.5 }, { t: 10, x: 0.9, y: 0.5 }] };

/** A stand-in for the show model: the listeners it holds and a way to send a frame. */
class Frames implements FrameSource {
  time = NaN;
  readonly listeners = new Set<(positions: ReadonlyMap<Cue, Point>) => void>();
  onFrame(listener: (positions: ReadonlyMap<Cue, Point>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  frame(time: number, positions: ReadonlyMap<Cue, Point>): void {
    this.time = time;
    for (const fn of this.listeners) fn(positions);
  }
}

/** An overlay in an 800×450 box (a 16:9 picture fills it) with one moving cue active. */
async function standalone(source: Frames | null) {
  const box = await fixture<HTMLDivElement>(html`<div style="position: relative; width: 800px; height: 450px">
    <shoppable-overlay
      .products=${new Map([['p', product]])}
      .cues=${[moving]}
      .active=${[moving]}
      .videoRatio=${16 / 9}
      .frames=${source}
      style="--sv-controls-height: 0px"
    ></shoppable-overlay>
  </div>`);
  const overlay = box.querySelector('shoppable-overlay') as ShoppableOverlayElement;
  await overlay.updateComplete;
  await frames();
  return { box, overlay };
}

/** The hotspot's centre, as a fraction of the box. */
function where(box: HTMLElement, overlay: ShoppableOverlayElement) {
  const b = box.getBoundingClientRect();
  const r = spot(overlay, 'walk').getBoundingClientRect();
  return { x: (r.left + r.width / 2 - b.left) / b.width, y: (r.top + r.height / 2 - b.top) / b.height };
}

describe('overlay inputs', () => {
  it('follows its frame source while connected, and only the current one', async () => {
    const first = new Frames();
    const { box, overlay } = await standalone(first);
    expect(first.listeners.size, 'subscribed once').to.equal(1);
    first.frame(5, new Map([[moving, { x: 0.5, y: 0.25 }]]));
    expect(where(box, overlay).x).to.be.closeTo(0.5, 0.001);
    expect(where(box, overlay).y).to.be.closeTo(0.25, 0.001);

    overlay.remove();
    expect(first.listeners.size, 'none while disconnected').to.equal(0);
    box.append(overlay);
    expect(first.listeners.size, 'subscribed again after a reconnect').to.equal(1);

    const second = new Frames();
    overlay.frames = second;
    await overlay.updateComplete;
    expect(first.listeners.size, 'the old source is let go').to.equal(0);
    expect(second.listeners.size).to.equal(1);
    second.frame(7, new Map([[moving, { x: 0.7, y: 0.4 }]]));
    expect(where(box, overlay).x).to.be.closeTo(0.7, 0.001);
    first.frame(2, new Map([[moving, { x: 0.2, y: 0.4 }]]));
    expect(where(box, overlay).x, 'the old source moves nothing').to.be.closeTo(0.7, 0.001);
  });

  it('places a hotspot that appears at the time of the last frame', async () => {
    const source = new Frames();
    source.time = 5; // halfway: x 0.5
    const { box, overlay } = await standalone(source);
    expect(where(box, overlay).x).to.be.closeTo(0.5, 0.001);
    const none = await standalone(null);
    expect(where(none.box, none.overlay).x, 'no frame yet: at its start').to.be.closeTo(0.1, 0.001);
  });

  it('keeps an anchored card by its moving hotspot after a disconnect and reconnect', async () => {
    const { box, overlay } = await standalone(null);
    overlay.setPositions(new Map([[moving, { x: 0.5, y: 0.6 }]]));
    spot(overlay, 'walk').click();
    await overlay.updateComplete;
    await frames(3);
    const card = piece(overlay, 'card');
    expect(card.classList.contains('anchored')).to.equal(true);
    const offset = () => card.getBoundingClientRect().left - spot(overlay, 'walk').getBoundingClientRect().left;
    const before = offset();
    overlay.remove();
    box.append(overlay);
    overlay.setPositions(new Map([[moving, { x: 0.4, y: 0.6 }]]));
    await frames(3);
    expect(where(box, overlay).x).to.be.closeTo(0.4, 0.001);
    expect(offset(), 'the card followed its hotspot').to.be.closeTo(before, 0.5);
  });

  it('asks to pause while a card it opened is open (pauseOnCard), to play when it closes, and to seek from the list', async () => {
    const { box, overlay } = await standalone(null);
    const requests: MediaRequest[] = [];
    box.addEventListener('sv-media-request', (e) => {
      const request = (e as CustomEvent<MediaRequest>).detail;
      requests.push(request);
      // As the player would: its state flows back down.
      if (request.type === 'pause' || request.type === 'play') overlay.paused = request.type === 'pause';
    });
    overlay.pauseOnCard = true;
    overlay.paused = false;
    overlay.seekable = true;
    await overlay.updateComplete;
    spot(overlay, 'walk').click();
    await overlay.updateComplete;
    overlay.closeCard();
    await overlay.updateComplete;
    piece(overlay, 'list-button').click();
    await overlay.updateComplete;
    piece(overlay, 'list-item').click();
    // The list's card opens while playing again: it pauses too.
    expect(requests).to.deep.equal([{ type: 'pause' }, { type: 'play' }, { type: 'seek', time: 0.1 }, { type: 'pause' }]);
  });
});
