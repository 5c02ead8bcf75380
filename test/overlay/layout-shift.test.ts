// No layout shift from the overlay: a cart count arriving or changing, cards opening and closing.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { preparePage, resetStore } from '../commerce/store.js';
import { until } from '../helpers.js';
import { frames, mount, piece, spot } from './harness.js';

/** Sums layout-shift entries from now on (what CLS would add); copied from test/player/mini-player.test.ts. */
function layoutShifts(): { total(): number; entries: Array<{ value: number; sources: string[]; step?: string }>; step(name: string): void; stop(): void } {
  type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node | null }> };
  const entries: Array<{ value: number; sources: string[]; step?: string }> = [];
  const take = (list: PerformanceEntry[]) => {
    for (const e of list as Shift[]) if (!e.hadRecentInput) entries.push({ value: e.value, sources: (e.sources ?? []).map((s) => String((s.node as Element | null)?.className || (s.node as Element | null)?.localName)) });
  };
  const po = new PerformanceObserver((list) => take(list.getEntries()));
  po.observe({ type: 'layout-shift' });
  let from = 0;
  /** Names the entries since the last step (the step that just ran). */
  const step = (name: string) => {
    take(po.takeRecords());
    for (const e of entries.slice(from)) e.step = name;
    from = entries.length;
  };
  return { entries, step, total: () => entries.reduce((n, e) => n + e.value, 0), stop: () => (step('end'), po.disconnect()) };
}

/** Puts `quantity` of a product in the Shopify test store's cart before the player starts (a returning shopper). */
const prefill = (quantity: number) =>
  fetch('/cart/add.js', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ id: 44012345678905, quantity }] }) }).then((r) => {
    if (!r.ok) throw new Error(`prefill: ${r.status}`);
  });

// A card floating by its hotspot (desktop), docked in a small player (a 360 px frame on a desktop page), and the phone's sheet.
for (const vp of [
  { width: 1280, height: 800, box: '800px', prefilled: 0 },
  { width: 1280, height: 800, box: '360px', prefilled: 3 },
  { width: 360, height: 740, box: '100%', prefilled: 0 },
  { width: 360, height: 740, box: '100%', prefilled: 3 },
]) {
  describe(`layout shift, ${vp.width} px viewport, ${vp.box} player, ${vp.prefilled} in the cart before`, () => {
    beforeEach(async () => {
      await resetStore();
      await preparePage('shopify');
      await setViewport({ width: vp.width, height: vp.height });
      if (vp.prefilled) await prefill(vp.prefilled);
    });
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('none when the cart count arrives and changes, or a card opens and closes', async () => {
      // The page's own start-up (the fixture appearing) is not the overlay's doing: measured from the overlay's first render.
      const { overlay, at } = await mount({ width: vp.box, checkout: 'shopify' });
      await frames(2);
      const shifts = layoutShifts();
      await until(() => overlay.flow, 'the cart flow');
      await at(14.5, 'sneaker-walk', 'hoops-finish', 'overshirt-outro');
      shifts.step('seek');
      await until(() => overlay.flow!.cartCount !== undefined, 'the cart count');
      await overlay.updateComplete;
      await frames(3);
      shifts.step('the cart count arrives');
      for (const cue of ['hoops-finish', 'overshirt-outro']) {
        spot(overlay, cue).click();
        await overlay.updateComplete;
        await frames(3);
        shifts.step(`${cue}: card opens`);
        piece(overlay, 'buy-button').click();
        await until(() => overlay.flow!.state(overlay.active.find((c) => c.id === cue)!.productId).status === 'success', 'the add');
        await overlay.updateComplete;
        await frames(3);
        shifts.step(`${cue}: added, the count changes`);
        piece(overlay, 'card-close').click();
        await overlay.updateComplete;
        await frames(3);
        shifts.step(`${cue}: card closes`);
      }
      expect(overlay.flow!.cartCount).to.equal(vp.prefilled + 2);
      shifts.stop();
      expect(shifts.total(), JSON.stringify(shifts.entries)).to.equal(0);
    });
  });
}
