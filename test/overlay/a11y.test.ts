// Keyboard, focus, announcements and axe audits of the overlay in a real player.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fault, preparePage, resetStore } from '../commerce/store.js';
import { until } from '../helpers.js';
import { mount, piece, spot } from './harness.js';

const focused = (root: ShadowRoot) => {
  const el = root.activeElement as HTMLElement | null;
  return el ? el.getAttribute('aria-label') ?? el.getAttribute('part') ?? el.textContent!.trim() : null;
};

describe('overlay accessibility', () => {
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
  });

  it('passes axe with a card open, the list open, a sold-out card and an error on a card', async () => {
    const { player, overlay, at } = await mount({ checkout: 'shopify' });
    await until(() => overlay.flow, 'the cart flow');
    await at(2, 'overshirt-intro');
    await expect(player).to.be.accessible();
    spot(overlay, 'overshirt-intro').click();
    await overlay.updateComplete;
    await expect(player).to.be.accessible();
    piece(overlay, 'list-button').click();
    await overlay.updateComplete;
    await expect(player).to.be.accessible();
    await at(12.7, 'serum-shelf', 'sneaker-walk', 'hoops-finish');
    spot(overlay, 'sneaker-walk').click();
    await overlay.updateComplete;
    expect(piece(overlay, 'availability').textContent).to.equal('Sold out');
    await expect(player).to.be.accessible();
    await fault('shopify', 'sold-out');
    spot(overlay, 'hoops-finish').click();
    await overlay.updateComplete;
    piece(overlay, 'buy-button').click();
    await until(() => overlay.shadowRoot!.querySelector('[part~="card-error"]'), 'the error');
    await expect(player).to.be.accessible();
  });

  it('Tab goes from the player’s controls to the hotspots', async () => {
    const { player, overlay, at } = await mount();
    await at(4.5, 'overshirt-intro', 'lipstick-close-up');
    (player.shadowRoot!.querySelector('[part="fullscreen-button"]') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(overlay.shadowRoot!)).to.equal('Show Relaxed Linen Overshirt: Linen overshirt');
    await sendKeys({ press: 'Shift+Tab' });
    expect(player.shadowRoot!.activeElement?.getAttribute('part')).to.equal('fullscreen-button');
  });

  it('walks the show by keyboard: hotspots, card, Escape back, toolbar, list, choose a product', async () => {
    const { player, overlay, at } = await mount();
    await at(4.5, 'overshirt-intro', 'lipstick-close-up');
    const root = overlay.shadowRoot!;
    spot(overlay, 'overshirt-intro').focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(root)).to.equal('Show Velvet Matte Lipstick, Rosewood: On the lips');
    await sendKeys({ press: 'Enter' });
    await overlay.updateComplete;
    expect(focused(root), 'focus moves to the card’s buy button (no options)').to.equal('buy-button');
    expect(root.activeElement!.matches(':focus-visible'), 'with its focus ring').to.equal(true);
    const stops: (string | null)[] = [];
    for (let i = 0; i < 2; i++) {
      await sendKeys({ press: 'Shift+Tab' });
      stops.push(focused(root));
    }
    expect(stops).to.deep.equal(['Velvet Matte Lipstick, Rosewood', 'Close']);
    await sendKeys({ press: 'Escape' });
    await overlay.updateComplete;
    expect(root.querySelector('[part~="card"]')).to.equal(null);
    expect(focused(root), 'focus returns to the hotspot').to.equal('Show Velvet Matte Lipstick, Rosewood: On the lips');
    await sendKeys({ press: 'Tab' });
    expect(focused(root)).to.equal('list-button');
    await sendKeys({ press: 'Enter' });
    await overlay.updateComplete;
    expect(focused(root), 'the list opens on its first product').to.equal('list-item');
    expect(root.activeElement!.getAttribute('aria-current')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement!.textContent).to.contain('Hydrating Rose Serum');
    await sendKeys({ press: 'Enter' });
    await until(() => overlay.active.some((c) => c.id === 'serum-shelf'), 'a seek to the serum’s first appearance');
    expect(player.currentTime).to.be.within(8, 8.2);
    await until(() => focused(root) === 'buy-button', 'focus on the card’s buy button');
    expect(piece(overlay, 'card-title').textContent).to.equal('Hydrating Rose Serum, 30 ml');
  });

  it('never loses focus when a card disappears with its cue, and announces new products politely, rate-limited', async () => {
    const { overlay, at } = await mount();
    await at(4.5, 'overshirt-intro', 'lipstick-close-up');
    const status = piece(overlay, '[role="status"]');
    await until(() => status.textContent === 'Now showing: Relaxed Linen Overshirt, Velvet Matte Lipstick, Rosewood', 'the first announcement');
    spot(overlay, 'overshirt-intro').click();
    await until(() => overlay.shadowRoot!.activeElement?.closest('[part~="card"]'), 'focus in the card');
    await at(7.5, 'lipstick-close-up');
    expect(overlay.shadowRoot!.querySelector('[part~="card"]'), 'the card left with its cue').to.equal(null);
    expect(focused(overlay.shadowRoot!), 'focus went to the remaining hotspot').to.equal('Show Velvet Matte Lipstick, Rosewood: On the lips');
    // The serum enters within the quiet period: announced later, not at once.
    await at(8.5, 'lipstick-close-up', 'serum-shelf');
    expect(status.textContent).to.not.contain('Rose Serum');
    await until(() => status.textContent === 'Now showing: Hydrating Rose Serum, 30 ml', 'the delayed announcement', 6000);
  });

  it('pauses while a card is open with pause-on-card, and the shopper can hide the overlays', async () => {
    const { player, overlay, at } = await mount();
    player.pauseOnCard = true;
    await at(2, 'overshirt-intro');
    await player.play();
    await until(() => player.playing, 'playback');
    spot(overlay, 'overshirt-intro').click();
    await until(() => player.paused, 'the pause');
    piece(overlay, 'card-close').click();
    await until(() => !player.paused, 'playback to resume');
    player.pause();
    piece(overlay, 'hide-button').click();
    await overlay.updateComplete;
    expect(overlay.shadowRoot!.querySelectorAll('.hotspot:not([hidden] *)').length).to.equal(0);
    expect(piece(overlay, 'hide-button').textContent!.trim()).to.equal('Show products');
    piece(overlay, 'hide-button').click();
    await overlay.updateComplete;
    expect(spot(overlay, 'overshirt-intro').getBoundingClientRect().width).to.equal(44);
  });
});
