// Under a strict Content-Security-Policy — no inline styles ('unsafe-inline' absent) and
// Trusted Types required for script sinks — the player, its show, overlay and the Shopify
// theme checkout (which applies the store's section HTML to the count bubble) work without a
// single violation. (A meta CSP applies from insertion on, so it lives in its own test page.)
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { STREAMS, firstFrame, until } from '../helpers.js';
import { preparePage, resetStore, serverLines } from '../commerce/store.js';

describe('strict Content-Security-Policy and Trusted Types', () => {
  it('plays a show, opens a product card and adds through the Shopify theme cart without a CSP violation', async () => {
    await resetStore();
    await preparePage('shopify');
    // A page-type Shopify theme: the count bubble is re-rendered from the add's section HTML.
    const bubble = document.createElement('a');
    bubble.id = 'cart-icon-bubble';
    document.body.append(bubble);
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const t = e.composedPath()[0] as Element;
      violations.push(`${e.violatedDirective} on <${t.localName ?? '?'} class="${t.getAttribute?.('class') ?? ''}" part="${t.getAttribute?.('part') ?? ''}">: ${e.sample || e.blockedURI}`);
    });
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self'; require-trusted-types-for 'script'";
    document.head.append(meta);
    // The policy is live: an inline style attribute set now is reported.
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await until(() => violations.length === 1, 'the probe violation');
    probe.remove();
    violations.length = 0;

    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.fmp4} show="/docs/examples/show.json" checkout="shopify" aspect-ratio="4:3" muted></shoppable-video>`);
    el.currentTime = 13;
    await el.play();
    await firstFrame(el.media!);
    const overlay = (await until(() => el.overlay, 'the overlay')) as HTMLElement;
    const spot = await until(() => overlay.shadowRoot!.querySelector<HTMLButtonElement>('.hotspot[data-cue="hoops-finish"]'), 'the hoops hotspot');
    spot!.click();
    await until(() => overlay.shadowRoot!.querySelector('[part~="card"]'), 'the card');
    await until(() => el.shadowRoot!.querySelectorAll('button.marker').length > 0, 'seek-bar markers');
    const buy = await until(() => overlay.shadowRoot!.querySelector<HTMLButtonElement>('[part~="buy-button"]:not([disabled])'), 'a buy button');
    buy!.click();
    await until(() => bubble.querySelector('.cart-count-bubble')?.textContent === '1', 'the count bubble from the section HTML');
    expect((await serverLines('shopify')).length).to.equal(1);
    // The card's add-and-render round trip is done: anything it triggered has been reported by now.
    await until(() => overlay.shadowRoot!.querySelector('[part~="checkout-button"]'), 'the checkout link after the add');
    bubble.remove();
    expect(violations).to.deep.equal([]);
    // And the styles set through the CSSOM took effect.
    const frame = el.shadowRoot!.querySelector('.frame')!.getBoundingClientRect();
    expect(frame.height).to.be.closeTo((frame.width * 3) / 4, 1);
  });
});
