// axe-core with the WCAG 2.2 AA rules in every state a shopper can reach, on a desktop and on a phone.
import { setViewport } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';
import { expectAccessible } from '../a11y.js';
import { fault, preparePage, resetStore } from '../commerce/store.js';
import { STREAMS, shadow, until } from '../helpers.js';
import { frames, mount, piece, spot, floatMiniPlayer } from './harness.js';

const VIEWPORTS = [
  { name: '1280 px', width: 1280, height: 800, box: '800px' },
  { name: '360 × 740 phone', width: 360, height: 740, box: '100%' },
];

for (const vp of VIEWPORTS) {
  describe(`axe (WCAG 2.2 AA) in every state, ${vp.name}`, () => {
    beforeEach(async () => {
      await resetStore();
      await preparePage('shopify');
      await setViewport({ width: vp.width, height: vp.height });
    });
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('before play, playing, card open (anchored and docked), list open, an error on the card', async () => {
      const { player, overlay, at } = await mount({ width: vp.box, checkout: 'shopify' });
      await until(() => overlay.flow, 'the cart flow');
      await at(2, 'overshirt-intro');
      await expectAccessible(player, 'before play');
      await player.play();
      await until(() => player.playing, 'playback');
      await expectAccessible(player, 'playing');
      player.pause();
      await at(2, 'overshirt-intro');
      spot(overlay, 'overshirt-intro').click();
      await overlay.updateComplete;
      await frames(3);
      await expectAccessible(player, `card open (${piece(overlay, 'card').className})`);
      piece(overlay, 'card-close').click();
      await overlay.updateComplete;
      // A product without a position docks at the side (wide) or as on a phone.
      overlay.openCard('rose-serum-30');
      await overlay.updateComplete;
      await frames(3);
      await expectAccessible(player, `card open (${piece(overlay, 'card').className})`);
      overlay.closeCard();
      await overlay.updateComplete;
      piece(overlay, 'list-button').click();
      await overlay.updateComplete;
      await expectAccessible(player, 'list open');
      await fault('shopify', 'sold-out');
      await at(12.7, 'serum-shelf', 'sneaker-walk', 'hoops-finish');
      spot(overlay, 'hoops-finish').click();
      await overlay.updateComplete;
      piece(overlay, 'buy-button').click();
      await until(() => overlay.shadowRoot!.querySelector('[part~="card-error"]'), 'the error');
      await overlay.updateComplete;
      await frames(2);
      await expectAccessible(player, 'error on the card');
    });

    it('captions menu open', async () => {
      const { player } = await mount({ width: vp.box, src: STREAMS.subs });
      await player.play();
      await until(() => player.shadowRoot!.querySelector('[part~="captions-button"]'), 'the captions button');
      player.pause();
      shadow(player, '[part~="captions-button"]').click();
      await until(() => player.shadowRoot!.querySelector('[role="menu"]'), 'the captions menu');
      await expectAccessible(player, 'captions menu');
    });

    it('mini-player, with a card open in it', async () => {
      const { player, overlay } = await mount({ width: vp.box, checkout: 'shopify' });
      await until(() => overlay.flow, 'the cart flow');
      const below = await floatMiniPlayer(player);
      try {
        await expectAccessible(player, 'mini-player');
        player.pause();
        player.currentTime = 12.7;
        await until(() => overlay.active.some((c) => c.id === 'hoops-finish'), 'the hoops');
        await overlay.updateComplete;
        spot(overlay, 'hoops-finish').click();
        await overlay.updateComplete;
        await frames(3);
        expect(overlay.shadowRoot!.querySelector('[part~="card"]')).to.not.equal(null);
        await expectAccessible(player, 'mini-player, card open');
      } finally {
        below.remove();
        window.scrollTo(0, 0);
      }
    });
  });
}
