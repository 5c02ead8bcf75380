// Where hotspots and cards land, in pixels, against the picture inside the player's box.
import { expect } from '@open-wc/testing';
import { fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { ShoppableOverlayElement } from '../../src/overlay/overlay.component.js';
import { STREAMS, shadow, until } from '../helpers.js';
import { SHOW, frames, mount, piece, spot } from './harness.js';

const CONTROLS = 64;

/** The picture's rectangle inside the frame (object-fit: contain). */
function picture(player: ShoppableVideoElement) {
  const f = shadow(player, '.frame').getBoundingClientRect();
  const v = player.media!;
  const ratio = v.videoWidth / v.videoHeight;
  const w = Math.min(f.width, f.height * ratio);
  const h = Math.min(f.height, f.width / ratio);
  return { frame: f, left: f.left + (f.width - w) / 2, top: f.top + (f.height - h) / 2, w, h };
}

const center = (el: Element) => {
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
};

/** The hotspot of cue `id` is at fraction (x, y) of the picture, within half a pixel. */
function expectSpotAt(player: ShoppableVideoElement, overlay: ShoppableOverlayElement, id: string, x: number, y: number) {
  const p = picture(player);
  const c = center(piece(overlay, `.hotspot[data-cue="${id}"]`));
  expect(c.x, `${id} x`).to.be.closeTo(p.left + x * p.w, 0.5);
  expect(c.y, `${id} y`).to.be.closeTo(p.top + y * p.h, 0.5);
}

/** The card lies inside the frame and above the control bar. */
function expectCardInside(player: ShoppableVideoElement, overlay: ShoppableOverlayElement) {
  const f = shadow(player, '.frame').getBoundingClientRect();
  const card = piece(overlay, 'card').getBoundingClientRect();
  expect(card.width, 'card shown').to.be.greaterThan(100);
  expect(card.left).to.be.at.least(f.left + 7.5);
  expect(card.right).to.be.at.most(f.right - 7.5);
  expect(card.top).to.be.at.least(f.top + 7.5);
  expect(card.bottom, 'above the controls').to.be.at.most(f.bottom - CONTROLS - 7.5);
}

describe('overlay positions', () => {
  afterEach(async () => {
    if (document.fullscreenElement) await document.exitFullscreen();
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [800, 640, 560]) {
    it(`puts hotspots on the picture and the card beside its hotspot, inside the box, at ${width} px`, async () => {
      const { player, overlay, at } = await mount({ width: `${width}px` });
      await at(12.7, 'serum-shelf', 'sneaker-walk', 'hoops-finish');
      expectSpotAt(player, overlay, 'serum-shelf', 0.2, 0.7);
      expectSpotAt(player, overlay, 'sneaker-walk', 0.5, 0.85);
      expectSpotAt(player, overlay, 'hoops-finish', 0.58, 0.22);

      spot(overlay, 'hoops-finish').click();
      await overlay.updateComplete;
      await frames(3);
      const card = piece(overlay, 'card');
      expect(card.classList.contains('anchored')).to.equal(true);
      expectCardInside(player, overlay);
      // Beside its hotspot: the nearest card edge is the 14 px offset away from the hotspot box.
      const s = spot(overlay, 'hoops-finish').getBoundingClientRect();
      const c = card.getBoundingClientRect();
      const gaps = [s.top - c.bottom, c.top - s.bottom, c.left - s.right, s.left - c.right];
      expect(Math.max(...gaps)).to.be.closeTo(14, 0.5);
    });
  }

  it('moves keyframed hotspots with setPositions, and the open card follows', async () => {
    const { player, overlay, at } = await mount();
    await at(4.5, 'overshirt-intro', 'lipstick-close-up');
    const cue = overlay.active.find((c) => c.id === 'lipstick-close-up')!;
    overlay.setPositions(new Map([[cue, { x: 0.62, y: 0.3 }]]));
    expectSpotAt(player, overlay, cue.id, 0.62, 0.3);
    const hotspot = spot(overlay, cue.id);
    hotspot.click();
    await overlay.updateComplete;
    await frames(3);
    const before = { card: piece(overlay, 'card').getBoundingClientRect(), spot: hotspot.getBoundingClientRect() };
    overlay.setPositions(new Map([[cue, { x: 0.52, y: 0.3 }]]));
    expectSpotAt(player, overlay, cue.id, 0.52, 0.3);
    await frames(3);
    const after = { card: piece(overlay, 'card').getBoundingClientRect(), spot: hotspot.getBoundingClientRect() };
    expect(after.spot.left - before.spot.left).to.be.closeTo(-0.1 * picture(player).w, 0.5);
    expect(after.card.left - before.card.left, 'the card moved with its hotspot').to.be.closeTo(after.spot.left - before.spot.left, 0.5);
    expectCardInside(player, overlay);
  });

  it('letterboxes hotspots to the picture when the player was moved before its metadata arrived', async () => {
    // A square box and a 16:9 video: the picture is letterboxed. The overlay is shown before
    // the media loads (preload="none"), the player moves (disconnect, reconnect), then loads.
    const box = await fixture<HTMLDivElement>(html`<div style="width: 480px">
      <shoppable-video src=${STREAMS.fmp4} show=${SHOW} preload="none" aspect-ratio="1/1" locale="en-US" muted></shoppable-video>
    </div>`);
    const player = box.querySelector('shoppable-video')!;
    const overlay = (await until(() => player.overlay, 'the overlay')) as ShoppableOverlayElement;
    await overlay.updateComplete;
    expect(player.media!.readyState, 'no metadata yet').to.equal(0);
    const other = document.createElement('div');
    other.style.width = '480px';
    box.after(other);
    other.append(player);
    await frames();
    player.preload = 'metadata';
    await until(() => player.media!.videoWidth > 0, 'video metadata');
    player.currentTime = 12.7;
    await until(() => overlay.active.map((c) => c.id).sort().join() === 'hoops-finish,serum-shelf,sneaker-walk', 'the cues at 12.7 s');
    await overlay.updateComplete;
    await frames();
    const p = picture(player);
    expect(p.frame.width).to.equal(480);
    expect(p.h, 'a 16:9 picture in a 480 px square').to.be.closeTo(270, 0.5);
    expectSpotAt(player, overlay, 'serum-shelf', 0.2, 0.7);
    expectSpotAt(player, overlay, 'hoops-finish', 0.58, 0.22);
    other.remove();
  });

  it('keeps hotspots on the letterboxed picture and the card inside the box in full screen', async () => {
    const { player, overlay, at } = await mount();
    await at(14.5, 'sneaker-walk', 'hoops-finish', 'overshirt-outro');
    shadow<HTMLButtonElement>(player, '[part="play-button"]').focus();
    await sendKeys({ press: 'f' });
    await until(() => document.fullscreenElement === player, 'full screen');
    await frames(3);
    const p = picture(player);
    expect(p.frame.width).to.equal(800);
    expect(p.h, 'a 16:9 picture in an 800×600 screen').to.be.closeTo(450, 0.5);
    expect(p.top).to.be.closeTo(75, 0.5);
    expectSpotAt(player, overlay, 'overshirt-outro', 0.3, 0.5);
    expectSpotAt(player, overlay, 'hoops-finish', 0.58, 0.22);
    spot(overlay, 'hoops-finish').click();
    await overlay.updateComplete;
    await frames(3);
    expect(piece(overlay, 'card').classList.contains('anchored')).to.equal(true);
    expectCardInside(player, overlay);
  });

  it('keeps every hotspot inside the box on a 360 px phone, and the card off the picture and the controls', async () => {
    await setViewport({ width: 360, height: 740 });
    const { player, overlay, at } = await mount({ width: '100%' });
    await at(14.5, 'sneaker-walk', 'hoops-finish', 'overshirt-outro');
    const f = shadow(player, '.frame').getBoundingClientRect();
    expect(f.width).to.be.at.most(360);
    for (const el of overlay.shadowRoot!.querySelectorAll('.hotspot')) {
      const r = el.getBoundingClientRect();
      expect(r.left).to.be.at.least(f.left);
      expect(r.right).to.be.at.most(f.right);
    }
    expectSpotAt(player, overlay, 'overshirt-outro', 0.3, 0.5);
    spot(overlay, 'hoops-finish').click();
    await overlay.updateComplete;
    await frames();
    // A phone: the card is a sheet at the bottom of the viewport, below the player, not over the picture.
    expect(piece(overlay, 'card').classList.contains('sheet')).to.equal(true);
    const card = piece(overlay, 'card').getBoundingClientRect();
    expect([card.left, card.right, card.bottom]).to.deep.equal([0, innerWidth, innerHeight]);
    expect(card.top, 'below the picture').to.be.at.least(f.bottom);
    // Never over the controls: the control bar's buttons stay clickable.
    const play = shadow(player, '[part="play-button"]').getBoundingClientRect();
    const hit = player.shadowRoot!.elementFromPoint(play.left + play.width / 2, play.top + play.height / 2);
    expect(hit?.closest('button')?.getAttribute('part'), 'the play button is on top').to.equal('play-button');
  });

  it('docks cards of cues without a position at the side on a wide player, and follows the page direction', async () => {
    const { player, overlay, at } = await mount();
    // A pin without a position: a teaser, and its card docks at the side.
    const pin = await player.pin('rose-serum-30', { start: 0, end: 1 });
    await at(0.5, pin);
    const f = shadow(player, '.frame').getBoundingClientRect();
    const teaser = piece(overlay, 'teaser').getBoundingClientRect();
    expect(teaser.left, 'teaser at the inline start (left)').to.be.closeTo(f.left + 8, 0.5);
    expect(piece(overlay, 'toolbar').getBoundingClientRect().right, 'toolbar at the inline end (right)').to.be.closeTo(f.right - 8, 0.5);
    piece(overlay, 'teaser').click();
    await overlay.updateComplete;
    expect(piece(overlay, 'card').classList.contains('side')).to.equal(true);
    expect(piece(overlay, 'card').getBoundingClientRect().right).to.be.closeTo(f.right - 8, 0.5);
    expectCardInside(player, overlay);

    player.parentElement!.setAttribute('dir', 'rtl');
    await frames();
    expect(piece(overlay, 'card').getBoundingClientRect().left, 'RTL: the card docks on the left').to.be.closeTo(f.left + 8, 0.5);
    expect(piece(overlay, 'toolbar').getBoundingClientRect().left, 'RTL: toolbar on the left').to.be.closeTo(f.left + 8, 0.5);
  });
});
