// Twelve players on a page cost the store what one does: one cart read, one request per
// product, and nothing at all for players far from the viewport.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { STREAMS, until } from '../helpers.js';
import { preparePage, requestLog, resetStore } from './store.js';

const SHOW = '/docs/examples/show.json';

describe('store requests shared across players', () => {
  beforeEach(async () => {
    await resetStore();
    await preparePage('shopify');
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('twelve players: one cart read and one request per product, only for players near the viewport', async () => {
    await setViewport({ width: 800, height: 600 });
    const page = await fixture<HTMLDivElement>(html`<div style="width: 320px">
      ${Array.from({ length: 12 }, () => html`<shoppable-video src=${STREAMS.fmp4} show=${SHOW} checkout="shopify" preload="none" muted></shoppable-video><div style="height: 500px"></div>`)}
    </div>`);
    const players = [...page.querySelectorAll('shoppable-video')] as ShoppableVideoElement[];
    const near = players.filter((p) => p.getBoundingClientRect().top < innerHeight + 300);
    expect(near.length).to.be.within(1, 3);
    // Hydrated: the products map carries the store's live fields (a new map over the show's own).
    const hydrated = (p: ShoppableVideoElement) => Boolean(p.timeline) && p.products !== p.timeline!.products;
    // Near players read the cart and show live store data; far ones have a flow but asked nothing.
    await until(() => near.every((p) => p.flow?.cartCount === 0 && hydrated(p)), 'near players hydrated');
    await until(() => players.every((p) => p.flow), 'every flow');
    expect(players.filter((p) => !near.includes(p)).some(hydrated), 'a far player hydrated').to.equal(false);
    const log = await requestLog('shopify');
    const cartReads = log.filter((e) => e.method === 'GET' && /\/cart\.js$/.test(e.path));
    const productReads = log.filter((e) => e.method === 'GET' && /\/products\/[^/]+\.js$/.test(e.path));
    const distinct = new Set(productReads.map((e) => e.path));
    expect(cartReads, 'cart reads').to.have.length(1);
    expect(productReads.length, 'one request per product').to.equal(distinct.size);
    expect(distinct.size).to.be.within(1, 5);

    // Scrolling a far player into view hydrates it from what the page already has.
    players[11]!.scrollIntoView();
    await until(() => hydrated(players[11]!), 'the last player hydrated');
    const after = await requestLog('shopify');
    expect(after.filter((e) => /\/products\/[^/]+\.js$/.test(e.path)).length, 'no product read again').to.equal(productReads.length);
  });
});
