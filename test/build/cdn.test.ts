// The script-tag build (dist/cdn, built by `npm run build` before the tests) as a page loads
// it: minified, code-split, lazy chunks fetched from beside the entry. The rest of the suite
// runs from source; this file checks that what ships behaves the same.
import { expect, fixture, html } from '@open-wc/testing';
import { resetStore, preparePage, serverLines } from '../commerce/store.js';
import { STREAMS, firstFrame, requested, until } from '../helpers.js';

const ENTRY = '/dist/cdn/shoppable-video.js';

describe('the script-tag build', () => {
  before(async () => {
    await import(/* @vite-ignore */ ENTRY as string);
    await resetStore();
    await preparePage('shopify');
  });

  it('plays, shows the example show with its overlay, and adds to the store’s cart', async () => {
    performance.clearResourceTimings(); // from here on, only what the player requests
    const el = await fixture<HTMLElement & Record<string, any>>(
      html`<shoppable-video src=${STREAMS.fmp4} show="/demo/show.json" checkout="shopify" muted></shoppable-video>`,
    );
    expect(customElements.get('shoppable-video')).to.exist;
    await el.play();
    await firstFrame(el.media);
    expect(requested(/\/dist\/cdn\/hls-/)).to.have.length(1);
    expect(requested(/\/node_modules\//), 'nothing from node_modules: the build is self-contained').to.deep.equal([]);
    expect(requested(/\/dist\/cdn\/(pipeline|show|overlay)-/)).to.have.length(3);

    el.currentTime = 8.5;
    el.pause();
    const overlay = await until(() => el.overlay?.shadowRoot?.querySelector('.hotspot') && el.overlay, 'the overlay with hotspots');
    await until(() => el.flow, 'the cart flow');
    const spot = await until(() => overlay.shadowRoot.querySelector('.hotspot[data-cue="serum-shelf"]') as HTMLButtonElement | null, 'the serum hotspot');
    spot!.click();
    const card = (await until(() => overlay.shadowRoot.querySelector('[part~="card"]') as HTMLElement | null, 'the card'))!;
    // (demo/show.json: the example show with every store's ids.) Minified CSS still lays the card out: a grid inside the video box, above the controls.
    expect(getComputedStyle(card).display).to.equal('grid');
    const frame = el.shadowRoot!.querySelector('.frame')!.getBoundingClientRect();
    const box = card.getBoundingClientRect();
    expect(box.left >= frame.left && box.right <= frame.right && box.bottom <= frame.bottom - 64).to.equal(true);
    const buy = await until(() => overlay.shadowRoot.querySelector('[part~="buy-button"]:not([disabled])') as HTMLButtonElement | null, 'the buy button');
    buy!.click();
    await until(async () => (await serverLines('shopify')).length === 1, 'the line in the store’s cart');
    expect((await serverLines('shopify'))[0]!.sku).to.equal('PF-RS-30');
  });
});
