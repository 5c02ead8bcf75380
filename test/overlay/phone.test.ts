// A 360 × 740 phone: the card is a bottom sheet below the player; every tap target is 44 × 44 px,
// hit at its centre; nothing overlaps. The mini-player's ✕ and toolbar.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { preparePage, resetStore, serverLines } from '../commerce/store.js';
import { shadow, until } from '../helpers.js';
import { frames, mount, piece, spot, hit, mid, floatMiniPlayer } from './harness.js';

/** The element at a viewport point, through open shadow roots (what a tap there hits). */
const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** A real tap (pointer) at the element's centre, after checking the element there is `el`. */
async function tap(el: Element, what: string) {
  const { x, y } = mid(el.getBoundingClientRect());
  const at = hit(x, y);
  expect(at && (el === at || el.contains(at) || at.contains(el) || at.closest('label')?.contains(el)), `a tap on ${what} hits it (hit ${at?.outerHTML.slice(0, 80)})`).to.equal(true);
  await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
}

/** Every control in `root` a finger taps: 44 × 44 px at least (the title link: 24 px tall), and hit at its centre. */
function expectFingerTargets(root: Element) {
  const targets = [...root.querySelectorAll('button, a, input:not([type="radio"]), .pill')];
  expect(targets.length).to.be.at.least(2);
  for (const el of targets) {
    const r = el.getBoundingClientRect();
    const name = `${el.localName} ${el.getAttribute('part') ?? el.getAttribute('aria-label') ?? el.textContent!.trim()}`;
    if (el.closest('.title')) expect(r.height, `${name} height`).to.be.at.least(24);
    else expect(Math.min(r.width, r.height), `${name} target size`).to.be.at.least(44);
    const at = hit(mid(r).x, mid(r).y);
    expect(at === el || el.contains(at) || at?.closest('.title a') === el, `the centre of ${name} hits it`).to.equal(true);
  }
}

describe('on a 360 × 740 phone', () => {
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
    await setViewport({ width: 360, height: 740 });
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('a tapped hotspot opens a bottom sheet below the picture: 44 px targets, nothing overlapping, an add', async () => {
    const { player, overlay, at } = await mount({ width: '100%', checkout: 'shopify' });
    await until(() => overlay.flow, 'the cart flow');
    await at(2, 'overshirt-intro');
    expectFingerTargets(piece(overlay, 'toolbar'));
    await tap(spot(overlay, 'overshirt-intro'), 'the hotspot');
    await until(() => overlay.shadowRoot!.querySelector('[part~="card"]'), 'the card');
    await overlay.updateComplete;
    await frames(3);
    const card = piece(overlay, 'card');
    expect(card.classList.contains('sheet')).to.equal(true);
    const frame = shadow(player, '.frame').getBoundingClientRect();
    const c = card.getBoundingClientRect();
    expect([c.left, c.right, c.bottom], 'a sheet across the bottom').to.deep.equal([0, innerWidth, innerHeight]);
    expect(c.top, 'below the picture: the video and the hotspot stay in view').to.be.at.least(frame.bottom);
    expect(c.height, 'all of it in view, not scrolled').to.be.at.most(card.scrollHeight + 0.5);
    const s = spot(overlay, 'overshirt-intro');
    expect(hit(mid(s.getBoundingClientRect()).x, mid(s.getBoundingClientRect()).y)?.closest('.hotspot')).to.equal(s);
    expectFingerTargets(card);
    const boxes = () => ({
      close: piece(overlay, 'card-close').getBoundingClientRect(),
      title: piece(overlay, 'card-title').getBoundingClientRect(),
      sizes: card.querySelectorAll('fieldset')[0]!.getBoundingClientRect(),
      colors: card.querySelectorAll('fieldset')[1]!.getBoundingClientRect(),
      buy: piece(overlay, '.buy-row').getBoundingClientRect(),
      outcome: overlay.shadowRoot!.querySelector('.outcome')?.getBoundingClientRect(),
    });
    const expectApart = () => {
      const b = Object.entries(boxes()).filter((e): e is [string, DOMRect] => Boolean(e[1]));
      for (const [i, [n1, r1]] of b.entries()) for (const [n2, r2] of b.slice(i + 1)) expect(overlaps(r1, r2), `${n1} and ${n2} overlap`).to.equal(false);
      for (const [n, r] of b) expect(r.bottom, `${n} inside the sheet`).to.be.at.most(card.getBoundingClientRect().bottom + 0.5);
    };
    expectApart();
    // Choose M, then Olive, then add, all by tapping.
    const pill = (text: string) => [...card.querySelectorAll('.pill')].find((p) => p.textContent === text)!;
    await tap(pill('M'), 'size M');
    await overlay.updateComplete;
    await tap(pill('Olive'), 'Olive');
    await overlay.updateComplete;
    await tap(piece(overlay, 'buy-button'), 'the buy button');
    await until(() => overlay.flow!.state('linen-overshirt').status === 'success', 'the add');
    expect((await serverLines('shopify')).map((l) => [l.variantId, l.quantity])).to.deep.equal([['44012345678905', 1]]);
    await overlay.updateComplete;
    await frames(2);
    expect(piece(overlay, 'buy-button').textContent).to.contain('Added');
    expectApart();
    expectFingerTargets(card);
    await tap(piece(overlay, 'card-close'), '✕');
    await overlay.updateComplete;
    expect(overlay.shadowRoot!.querySelector('[part~="card"]')).to.equal(null);
  });

  it('a sheet opened before full screen stays on top of the full-screen player, focus kept', async () => {
    const { player, overlay, at } = await mount({ width: '100%', checkout: 'shopify' });
    await until(() => overlay.flow, 'the cart flow');
    await at(2, 'overshirt-intro');
    await tap(spot(overlay, 'overshirt-intro'), 'the hotspot');
    await until(() => overlay.shadowRoot!.querySelector('[part~="card"].sheet'), 'the sheet');
    await overlay.updateComplete;
    await frames(3);
    const focused = overlay.shadowRoot!.activeElement;
    expect(focused, 'focus in the sheet').to.not.equal(null);
    await sendKeys({ press: 'f' }); // from inside the sheet: F is the player's full-screen key
    await until(() => document.fullscreenElement === player, 'full screen');
    await until(() => shadow(player, '.frame').getBoundingClientRect().height > 700, 'the full-screen frame');
    await frames(3);
    const card = piece(overlay, 'card');
    expect(card.matches(':popover-open')).to.equal(true);
    expect(overlay.shadowRoot!.activeElement, 'focus where it was').to.equal(focused);
    expectFingerTargets(card);
    await tap(piece(overlay, 'buy-button'), 'the buy button over the full-screen player');
    await document.exitFullscreen();
    await until(() => !document.fullscreenElement, 'full screen to end');
  });

  it('in the mini-player: ✕ and the cart count apart, the toolbar leaves most of the top edge free, a sheet at the top', async () => {
    const { player, overlay } = await mount({ width: '100%', checkout: 'shopify' });
    await until(() => overlay.flow?.cartCount !== undefined, 'the cart count');
    const below = await floatMiniPlayer(player);
    try {
      player.pause();
      await overlay.updateComplete;
      await frames(2);
      const frame = shadow(player, '.frame').getBoundingClientRect();
      const close = shadow(player, '[part="mini-close"]');
      const toolbar = piece(overlay, 'toolbar').getBoundingClientRect();
      const pill = piece(overlay, 'cart-count').getBoundingClientRect();
      expect(overlaps(close.getBoundingClientRect(), pill), '✕ over the cart count').to.equal(false);
      expect(overlaps(close.getBoundingClientRect(), toolbar), '✕ over the toolbar').to.equal(false);
      expect(toolbar.width, 'the toolbar leaves most of the top edge free').to.be.at.most(frame.width * 0.7);
      expect(Math.min(close.getBoundingClientRect().width, close.getBoundingClientRect().height), '✕ target').to.be.at.least(44);
      // Only the cart count stays in so small a frame; taps go through it to hotspots under it.
      expect(piece(overlay, 'toolbar').querySelectorAll('button').length).to.equal(0);
      expect(getComputedStyle(piece(overlay, 'toolbar')).pointerEvents).to.equal('none');
      // A card from a hotspot: a sheet at the top edge, clear of the mini-player.
      player.currentTime = 12.7;
      await until(() => overlay.active.some((c) => c.id === 'hoops-finish'), 'the hoops');
      await overlay.updateComplete;
      await frames(2);
      await tap(spot(overlay, 'hoops-finish'), 'the hoops hotspot');
      await until(() => overlay.shadowRoot!.querySelector('[part~="card"]'), 'the card');
      await frames(3);
      const card = piece(overlay, 'card');
      const c = card.getBoundingClientRect();
      expect(card.classList.contains('sheet')).to.equal(true);
      expect(c.top).to.equal(0);
      expect(c.bottom, 'clear of the mini-player').to.be.at.most(frame.top);
      expectFingerTargets(card);
      await tap(close, 'the mini-player’s ✕');
      await until(() => !player.hasAttribute('floating'), 'back in place');
    } finally {
      below.remove();
      window.scrollTo(0, 0);
    }
  });
});
