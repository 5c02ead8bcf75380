// Keyboard only, from page load to an add: every stop shows a focus ring.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { preparePage, resetStore, serverLines } from '../commerce/store.js';
import { until } from '../helpers.js';
import { frames, mount } from './harness.js';

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const describeEl = (el: Element | null) => (el ? `<${el.localName} ${el.getAttribute('part') ?? el.getAttribute('aria-label') ?? el.className}>` : 'nothing');

/** Focus is on a control inside the player that matches :focus-visible and draws a ring (outline or box-shadow). */
function expectVisibleFocus(step: string): Element {
  const el = deepActive();
  expect(el, `${step}: focus on a control, not the page`).to.not.equal(null);
  expect(el!.localName, `${step}: focus on a control, not the page`).to.not.equal('body');
  expect(el!.matches(':focus-visible'), `${step}: ${describeEl(el)} matches :focus-visible`).to.equal(true);
  // A radio is drawn by its pill; the ring is on the pill.
  const drawn = el!.closest('.pill') ?? el!;
  const style = getComputedStyle(drawn);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  expect(ring, `${step}: ${describeEl(drawn)} draws a focus ring`).to.equal(true);
  const r = drawn.getBoundingClientRect();
  expect(r.width * r.height, `${step}: ${describeEl(drawn)} is visible`).to.be.greaterThan(0);
  return el!;
}

async function tabUntil(what: string, found: (el: Element) => boolean, max = 25): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const el = expectVisibleFocus(`Tab ${i + 1} towards ${what}`);
    if (found(el)) return el;
  }
  throw new Error(`${what} not reached in ${max} Tabs (at ${describeEl(deepActive())})`);
}

describe('keyboard-only shopping', () => {
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
    await setViewport({ width: 1280, height: 800 });
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('from page load to an add, with a visible focus ring at every step', async () => {
    const { player, overlay } = await mount({ checkout: 'shopify' });
    await until(() => overlay.flow, 'the cart flow');
    (document.activeElement as HTMLElement | null)?.blur();
    // Play from the keyboard; focus moves to the bar's play button, which pauses once the overshirt shows.
    await tabUntil('the play button', (el) => /^Play/.test(el.getAttribute('aria-label') ?? ''));
    await sendKeys({ press: 'Enter' });
    await until(() => player.playing, 'playback');
    expectVisibleFocus('after play');
    await until(() => overlay.active.some((c) => c.id === 'overshirt-intro'), 'the overshirt');
    await sendKeys({ press: 'k' });
    await until(() => player.paused, 'the pause');
    await overlay.updateComplete;
    // Tab to the overshirt's hotspot and open its card.
    await tabUntil('the overshirt hotspot', (el) => el.getAttribute('data-cue') === 'overshirt-intro');
    await sendKeys({ press: 'Enter' });
    await until(() => overlay.shadowRoot!.querySelector('[part~="card"]'), 'the card');
    await overlay.updateComplete;
    await frames(3);
    const chosen = expectVisibleFocus('the card opened');
    expect(chosen.matches('input[type="radio"]:checked'), 'focus on the chosen size').to.equal(true);
    expect(chosen.closest('.pill')!.textContent).to.equal('S');
    // Size M with an arrow key; then on to the buy button.
    await sendKeys({ press: 'ArrowRight' });
    await overlay.updateComplete;
    expect(expectVisibleFocus('size M').closest('.pill')!.textContent).to.equal('M');
    const buy = await tabUntil('the buy button', (el) => el.getAttribute('part') === 'buy-button');
    await sendKeys({ press: 'Enter' });
    await until(() => overlay.flow!.state('linen-overshirt').status === 'success', 'the add');
    expect((await serverLines('shopify')).map((l) => [l.variantId, l.quantity])).to.deep.equal([['44012345678902', 1]]);
    await overlay.updateComplete;
    expect(deepActive(), 'focus stays on the buy button').to.equal(buy);
    expectVisibleFocus('after the add');
    // Escape closes the card; focus returns to its hotspot.
    await sendKeys({ press: 'Escape' });
    await overlay.updateComplete;
    expect(expectVisibleFocus('card closed').getAttribute('data-cue')).to.equal('overshirt-intro');
  });
});
