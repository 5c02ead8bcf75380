// The overlay on real pages: a hostile theme stylesheet, and the floating mini-player.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { shadow, until } from '../helpers.js';
import { frames, mount, piece, spot } from './harness.js';

const HOSTILE = `* { all: unset !important; box-sizing: content-box !important; font-size: 40px !important; line-height: 3 !important; }
button, a, input, span, s, img, p { display: none !important; color: red !important; margin: 20px !important; }
:root { font-size: 40px !important; direction: ltr; } ::part(card) { }`;

describe('the overlay on a page', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('renders the same boxes under a hostile theme stylesheet as on a clean page', async () => {
    // Tall enough that the page's own reflow keeps the player inside the viewport either way.
    await setViewport({ width: 800, height: 1400 });
    const { player, overlay, at } = await mount();
    player.parentElement!.setAttribute('style', 'display: block !important; width: 800px !important');
    await at(12.7, 'serum-shelf', 'sneaker-walk', 'hoops-finish');
    spot(overlay, 'hoops-finish').click();
    await overlay.updateComplete;
    await frames(3);
    // Boxes relative to the frame; the card's pieces relative to the card. Which side of its
    // hotspot the card takes is not part of the contract (it differs under this sheet); that it
    // sits beside the hotspot, inside the box, at its size, is.
    const boxes = () => {
      const f = shadow(player, '.frame').getBoundingClientRect();
      const c = piece(overlay, 'card').getBoundingClientRect();
      const box = (p: string, o: DOMRect) => {
        const r = piece(overlay, p).getBoundingClientRect();
        return [p, Math.round(r.left - o.left), Math.round(r.top - o.top), Math.round(r.width), Math.round(r.height)].join(' ');
      };
      const s = spot(overlay, 'hoops-finish').getBoundingClientRect();
      const gap = Math.max(s.top - c.bottom, c.top - s.bottom, c.left - s.right, s.left - c.right);
      const inside = c.left >= f.left + 8 && c.right <= f.right - 8 && c.top >= f.top + 8 && c.bottom <= f.bottom - 64 - 8;
      return [
        ...['.hotspot[data-cue="serum-shelf"]', 'toolbar', 'list-button'].map((p) => box(p, f)),
        ...['card-title', 'price', 'buy-button', 'card-close'].map((p) => box(p, c)),
        `card ${Math.round(c.width)}×${Math.round(c.height)}, ${Math.round(gap)} px from its hotspot, inside: ${inside}`,
      ];
    };
    const clean = boxes();
    const style = document.createElement('style');
    style.textContent = HOSTILE;
    document.head.append(style);
    try {
      await frames(3);
      expect(boxes()).to.deep.equal(clean);
      expect(getComputedStyle(piece(overlay, 'card-title')).fontSize).to.equal('14px');
    } finally {
      style.remove();
    }
  });

  it('continues in a floating mini-player when scrolled away while playing; cards work there; dismiss and scroll back', async () => {
    await setViewport({ width: 800, height: 600 });
    const { player, overlay } = await mount({ width: '640px' });
    const below = document.createElement('div');
    below.style.height = '2000px';
    player.parentElement!.after(below);
    const belowTop = below.getBoundingClientRect().top + scrollY;
    await player.play();
    await until(() => player.playing, 'playback');
    window.scrollTo(0, 1200);
    await until(() => player.hasAttribute('floating'), 'the mini-player');
    await Promise.all(shadow(player, '.frame').getAnimations().map((a) => a.finished));
    const frame = shadow(player, '.frame').getBoundingClientRect();
    expect([frame.right, frame.bottom, frame.width]).to.deep.equal([800 - 16, 600 - 16, 320]);
    expect(below.getBoundingClientRect().top + scrollY, 'no layout shift').to.equal(belowTop);

    // Its cards still work (docked in the small frame).
    player.pause();
    player.currentTime = 12.7;
    await until(() => overlay.active.some((c) => c.id === 'hoops-finish'), 'the hoops');
    await overlay.updateComplete;
    spot(overlay, 'hoops-finish').click();
    await overlay.updateComplete;
    const card = piece(overlay, 'card').getBoundingClientRect();
    expect(piece(overlay, 'card').classList.contains('docked')).to.equal(true);
    expect(card.left).to.be.at.least(frame.left);
    expect(card.bottom).to.be.at.most(frame.bottom - 64);

    // Dismiss: back in place, still paused where it was, and it does not float again while out of view.
    piece(overlay, 'card-close').click();
    shadow(player, '[part="mini-close"]').click();
    expect(player.hasAttribute('floating')).to.equal(false);
    await player.play();
    await frames(3);
    expect(player.hasAttribute('floating')).to.equal(false);

    // Back in view, then out again: it floats again; back in view: it returns in place.
    window.scrollTo(0, 0);
    await frames(3);
    window.scrollTo(0, 1200);
    await until(() => player.hasAttribute('floating'), 'floating again');
    window.scrollTo(0, 0);
    await until(() => !player.hasAttribute('floating'), 'back in place');
    expect(shadow(player, '.frame').getBoundingClientRect().width).to.equal(640);
    below.remove();
  });
});
