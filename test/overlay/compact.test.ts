// The docked card of a 360 px player on a wide page (a sidebar; phones get the sheet, phone.test.ts):
// what a shopper must see without scrolling, in pixels.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { ShoppableOverlayElement } from '../../src/overlay/overlay.component.js';
import type { Show } from '../../src/timeline/types.js';
import { preparePage, resetStore, serverLines } from '../commerce/store.js';
import { shadow, until } from '../helpers.js';
import { SHOW, frames, mount, piece, spot, hit, mid } from './harness.js';

const CONTROLS = 64;
/** WCAG 2.2 target size (minimum), 2.5.8. */
const TARGET = 24;

/** The element at a viewport point, through open shadow roots (what a tap there would hit). */


/**
 * The card is docked, not scrolled, and every piece in `parts` lies fully inside the card's
 * visible box, inside the frame above the control bar, is at least 24 px high when it is a
 * target, and is what a tap at its centre hits.
 */
function expectShown(player: ShoppableVideoElement, overlay: ShoppableOverlayElement, parts: string[]) {
  const card = piece(overlay, 'card');
  expect(card.classList.contains('docked'), 'docked').to.equal(true);
  expect(card.scrollTop, 'not scrolled').to.equal(0);
  const f = shadow(player, '.frame').getBoundingClientRect();
  const c = card.getBoundingClientRect();
  expect(c.left, 'card inside the frame').to.be.at.least(f.left);
  expect(c.right, 'card inside the frame').to.be.at.most(f.right);
  expect(c.top, 'card inside the frame').to.be.at.least(f.top);
  expect(c.bottom, 'card above the controls').to.be.at.most(f.bottom - CONTROLS);
  for (const name of parts) {
    const el = piece(overlay, name);
    const r = el.getBoundingClientRect();
    expect(r.width * r.height, `${name} has a box`).to.be.greaterThan(0);
    expect(r.left, `${name} left`).to.be.at.least(c.left - 0.5);
    expect(r.right, `${name} right`).to.be.at.most(c.right + 0.5);
    expect(r.top, `${name} top`).to.be.at.least(c.top - 0.5);
    expect(r.bottom, `${name} bottom inside the card`).to.be.at.most(c.bottom + 0.5);
    expect(r.bottom, `${name} above the controls`).to.be.at.most(f.bottom - CONTROLS);
    expect(r.top, `${name} inside the frame`).to.be.at.least(f.top);
    const { x, y } = mid(r);
    const target = hit(x, y);
    expect(target && el.contains(target), `a tap at the centre of ${name} hits it (hit ${target?.outerHTML.slice(0, 80)})`).to.equal(true);
  }
  // Every control of the buy row is a target of at least 24 × 24 px.
  for (const el of piece(overlay, '.buy-row').querySelectorAll('button, input, a')) {
    const r = el.getBoundingClientRect();
    expect(Math.min(r.width, r.height), `${el.localName} ${el.getAttribute('aria-label') ?? el.textContent} target size`).to.be.at.least(TARGET);
  }
}

/** The title is one line, cut with an ellipsis when too long. */
function expectOneLineTitle(overlay: ShoppableOverlayElement) {
  const title = piece(overlay, 'card-title');
  const style = getComputedStyle(title);
  expect(style.whiteSpace).to.equal('nowrap');
  expect(style.textOverflow).to.equal('ellipsis');
  const height = title.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  expect(height, 'one line').to.be.below(parseFloat(style.lineHeight) * 1.5);
}

/** The example show with the overshirt reduced to one option axis (Size, in Sand). */
async function oneAxisShow(): Promise<Show> {
  const show = (await fetch(SHOW).then((r) => r.json())) as Show;
  const base = new URL(SHOW, location.href);
  for (const p of show.products!) if (p.image) p.image = new URL(p.image, base).href;
  const shirt = show.products!.find((p) => p.id === 'linen-overshirt')!;
  shirt.options = [{ name: 'Size', values: ['S', 'M', 'L'] }];
  shirt.variants = shirt.variants!.filter((v) => v.options[1] === 'Sand').map((v) => ({ ...v, options: [v.options[0]!] }));
  return show;
}

describe('the docked card of a 352 px player', () => {
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
    await setViewport({ width: 800, height: 740 });
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  async function phone(options: { dir?: string; show?: Show } = {}) {
    const m = await mount({ width: '352px', checkout: 'shopify', ...options });
    await until(() => m.overlay.flow, 'the cart flow');
    const f = shadow(m.player, '.frame').getBoundingClientRect();
    expect(f.width, "a phone's width").to.be.within(340, 360);
    expect(f.height, 'a 16:9 player').to.be.closeTo((f.width * 9) / 16, 1);
    return m;
  }

  async function open(m: { overlay: ShoppableOverlayElement }, cue: string) {
    spot(m.overlay, cue).click();
    await m.overlay.updateComplete;
    await frames(3);
  }

  it('shows image, title, price, quantity and the buy button of the rose serum without scrolling; a tap buys', async () => {
    const m = await phone();
    await m.at(8.5, 'lipstick-close-up', 'serum-shelf');
    await open(m, 'serum-shelf');
    const { player, overlay } = m;
    expectShown(player, overlay, ['card-image', 'card-title', 'price', 'quantity', 'buy-button']);
    for (const label of ['Decrease quantity', 'Quantity', 'Increase quantity']) {
      const el = piece(overlay, `[part~="quantity"] [aria-label="${label}"]`);
      const { x, y } = mid(el.getBoundingClientRect());
      expect(hit(x, y), `a tap on ${label}`).to.equal(el);
    }
    expectOneLineTitle(overlay);
    // A real pointer at the buy button's centre starts an add. The example show gives the serum
    // no Shopify variant id, so the store refuses: its reason is in view too (and no Retry: a
    // retry cannot fix NOT_PURCHASABLE, issue 9 item 5).
    const buy = piece(overlay, 'buy-button');
    const { x, y } = mid(buy.getBoundingClientRect());
    await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
    await until(() => overlay.shadowRoot!.querySelector('[part~="card-error"]'), 'the store’s answer');
    await overlay.updateComplete;
    await frames();
    expect(piece(overlay, 'card-error').textContent).to.contain('no Shopify variant id');
    expectShown(player, overlay, ['card-error', 'buy-button']);
    expect(overlay.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
    await expect(player).to.be.accessible();
  });

  for (const dir of ['ltr', 'rtl']) {
    it(`keeps the buy row in view for the overshirt (two axes; the second scrolls under it), ${dir}`, async () => {
      const m = await phone({ dir });
      await m.at(2, 'overshirt-intro');
      await open(m, 'overshirt-intro');
      const { player, overlay } = m;
      expectShown(player, overlay, ['card-title', 'price', 'quantity', 'buy-button']);
      expectOneLineTitle(overlay);
      await expect(player).to.be.accessible();
      const card = piece(overlay, 'card');
      const [size, color] = [...overlay.shadowRoot!.querySelectorAll('fieldset')];
      // The first axis is one row with its label inline, in view.
      const pills = [...size!.querySelectorAll('.pill')].map((p) => p.getBoundingClientRect());
      const legend = size!.querySelector('legend')!.getBoundingClientRect();
      for (const p of pills) {
        expect(p.top, 'one row').to.be.closeTo(pills[0]!.top, 0.5);
        expect(p.height, 'pill target size').to.be.at.least(TARGET);
        expect(hit(mid(p).x, mid(p).y)?.closest('.pill')?.getBoundingClientRect().top).to.equal(p.top);
      }
      expect(mid(legend).y, 'the label inline with the pills').to.be.closeTo(mid(pills[0]!).y, 2);
      expect(dir === 'ltr' ? legend.right <= pills[0]!.left : legend.left >= pills[0]!.right, 'the label first').to.equal(true);
      // The second axis is reached by scrolling the card; the buy row stays in view meanwhile.
      card.scrollTop = card.scrollHeight;
      await frames();
      expect(card.scrollTop, 'the card scrolls').to.be.greaterThan(0);
      const c = card.getBoundingClientRect();
      const buy = piece(overlay, 'buy-button').getBoundingClientRect();
      expect(buy.bottom, 'buy row still inside the card').to.be.at.most(c.bottom + 0.5);
      expect(hit(mid(buy).x, mid(buy).y)?.closest('[part~="buy-button"]')).to.not.equal(null);
      const olive = [...color!.querySelectorAll('.pill')][1]!.getBoundingClientRect();
      expect(olive.bottom, 'the second axis scrolled into view').to.be.at.most(buy.top);
      expect(hit(mid(olive).x, mid(olive).y)?.closest('.pill')?.textContent).to.equal('Olive');
      // Keyboard: a pill focused under the sticky buy row is scrolled clear of it.
      card.scrollTop = 0;
      await frames();
      (color!.querySelector('input:checked') as HTMLInputElement).focus();
      await sendKeys({ press: 'ArrowRight' });
      await frames();
      const focused = overlay.shadowRoot!.activeElement!.closest('.pill')!.getBoundingClientRect();
      expect(focused.bottom, 'the focused pill is above the buy row').to.be.at.most(piece(overlay, 'buy-button').getBoundingClientRect().top);
      expect(focused.top).to.be.at.least(card.getBoundingClientRect().top);
      // A real pointer at the buy button's centre adds S / Olive.
      const at = mid(piece(overlay, 'buy-button').getBoundingClientRect());
      await sendMouse({ type: 'click', position: [Math.round(at.x), Math.round(at.y)] });
      await until(() => overlay.flow!.state('linen-overshirt').status === 'success', 'the add');
      expect((await serverLines('shopify')).map((l) => [l.variantId, l.quantity])).to.deep.equal([['44012345678904', 1]]);
      await overlay.updateComplete;
      card.scrollTop = 0;
      await frames();
      expectShown(player, overlay, ['card-title', 'price', 'buy-button', 'checkout-button', 'view-cart-button']);
    });
  }

  it('shows the one axis of a one-axis product, as a row, with the buy row, without scrolling', async () => {
    const m = await phone({ show: await oneAxisShow() });
    await m.at(2, 'overshirt-intro');
    await open(m, 'overshirt-intro');
    const { player, overlay } = m;
    expectShown(player, overlay, ['card-image', 'card-title', 'price', 'options', 'quantity', 'buy-button']);
    const card = piece(overlay, 'card');
    expect(card.scrollHeight, 'nothing to scroll').to.be.at.most(card.clientHeight);
    for (const pill of overlay.shadowRoot!.querySelectorAll('.pill')) {
      const { x, y } = mid(pill.getBoundingClientRect());
      expect(hit(x, y)?.closest('.pill')).to.equal(pill);
    }
    // Choosing a size with a tap works from there.
    const m_ = [...overlay.shadowRoot!.querySelectorAll<HTMLElement>('.pill')].find((p) => p.textContent === 'M')!;
    const { x, y } = mid(m_.getBoundingClientRect());
    await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
    await overlay.updateComplete;
    expect(m_.querySelector('input')!.checked).to.equal(true);
    // Few left: said beside the price, still without scrolling.
    const l = [...overlay.shadowRoot!.querySelectorAll<HTMLElement>('.pill')].find((p) => p.textContent === 'L')!;
    l.querySelector('input')!.click();
    await overlay.updateComplete;
    expect(piece(overlay, 'availability').textContent).to.equal('Only 3 left');
    expectShown(player, overlay, ['card-title', 'price', 'availability', 'options', 'quantity', 'buy-button']);
    expect(piece(overlay, 'availability').getBoundingClientRect().top, 'on the price line').to.be.closeTo(piece(overlay, 'price').getBoundingClientRect().top, 3);
  });

  it('keeps "Sold out" in view and leaves the brand and "In stock" to screen readers', async () => {
    const m = await phone();
    await m.at(12.7, 'serum-shelf', 'sneaker-walk', 'hoops-finish');
    await open(m, 'sneaker-walk');
    const { player, overlay } = m;
    expectShown(player, overlay, ['card-title', 'price', 'availability', 'buy-button']);
    expect(piece(overlay, 'availability').textContent).to.equal('Sold out');
    await open(m, 'serum-shelf');
    expect(piece(overlay, 'availability').textContent, 'still read by screen readers').to.equal('In stock');
    for (const name of ['availability', 'card-brand']) expect(piece(overlay, name).getBoundingClientRect().height, `${name} hidden`).to.be.at.most(1);
  });

  it('leaves the card of a wide player as it was: brand and "In stock" shown, title may wrap', async () => {
    await setViewport({ width: 800, height: 600 });
    const m = await mount();
    await m.at(12.7, 'serum-shelf', 'sneaker-walk', 'hoops-finish');
    await open(m, 'serum-shelf');
    const { overlay } = m;
    expect(piece(overlay, 'card').classList.contains('anchored')).to.equal(true);
    expect(piece(overlay, 'card-brand').getBoundingClientRect().height).to.be.greaterThan(10);
    expect(piece(overlay, 'availability').getBoundingClientRect().height).to.be.greaterThan(10);
    expect(getComputedStyle(piece(overlay, 'card-title')).whiteSpace).to.equal('normal');
    expect(piece(overlay, 'card-image').getBoundingClientRect().width).to.equal(72);
  });
});
