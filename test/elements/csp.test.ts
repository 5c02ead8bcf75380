// Under a strict Content-Security-Policy — no inline styles ('unsafe-inline' absent) and
// Trusted Types required for script sinks — the player, its show and overlay work without a
// single violation. (A meta CSP applies from insertion on, so it lives in its own test page.)
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { STREAMS, firstFrame, until } from '../helpers.js';

describe('strict Content-Security-Policy and Trusted Types', () => {
  it('plays a show and opens a product card without a CSP violation', async () => {
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

    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.fmp4} show="/docs/examples/show.json" aspect-ratio="4:3" muted></shoppable-video>`);
    el.currentTime = 8.5;
    await el.play();
    await firstFrame(el.media!);
    const overlay = (await until(() => el.overlay, 'the overlay')) as HTMLElement;
    const spot = await until(() => overlay.shadowRoot!.querySelector<HTMLButtonElement>('.hotspot'), 'a hotspot');
    spot!.click();
    await until(() => overlay.shadowRoot!.querySelector('[part~="card"]'), 'the card');
    await until(() => el.shadowRoot!.querySelectorAll('button.marker').length > 0, 'seek-bar markers');
    await new Promise((r) => setTimeout(r, 300));
    expect(violations).to.deep.equal([]);
    // And the styles set through the CSSOM took effect.
    const frame = el.shadowRoot!.querySelector('.frame')!.getBoundingClientRect();
    expect(frame.height).to.be.closeTo((frame.width * 3) / 4, 1);
  });
});
