/**
 * The demo's live sale (`npm start` → /demo/live.html) against the handlers `npm start` mounts
 * (demo/handlers.mjs: the simulator, the pin service at /live-sale/ with the simulator as its
 * upstream). The page runs in an iframe with the built console script (dist/console, built
 * before the tests, like test/build/). A host pins a product through the console's own UI and
 * the viewer's player shows the product's card.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { WCAG_TAGS } from '../a11y.js';
import { failOnUncaught, until } from '../helpers.js';

const TOKEN = 'demo-pin-token-not-a-secret'; // printed by `npm start`, documented in docs/live.md
const auth = { authorization: `Bearer ${TOKEN}` };
type Frame = { win: Window & typeof globalThis & Record<string, any>; doc: Document };

async function openDemo(width = 1280): Promise<{ frame: HTMLIFrameElement } & Frame> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: 900px; border: 0`;
  frame.src = '/demo/live.html';
  document.body.append(frame);
  await until(() => frame.contentDocument?.location.pathname === '/demo/live.html' && frame.contentDocument.readyState === 'complete', 'the demo page');
  return { frame, win: frame.contentWindow as Frame['win'], doc: frame.contentDocument! };
}

describe('demo: the live sale', function () {
  this.timeout(60_000);
  failOnUncaught();
  let frame: HTMLIFrameElement | undefined;

  beforeEach(async () => {
    // One pin service for the whole run: end what an earlier test left live.
    const { pins } = await (await fetch('/live-sale/pins', { headers: auth })).json();
    for (const p of pins) if (p.live) await fetch(`/live-sale/pins/${p.id}`, { method: 'DELETE', headers: auth });
  });
  afterEach(() => frame?.remove());

  it('a product pinned in the console appears as a card in the player', async () => {
    const page = await openDemo();
    frame = page.frame;
    const { doc } = page;
    const consoleEl = await until(() => doc.querySelector('shoppable-pin-console')?.shadowRoot && doc.querySelector('shoppable-pin-console')!, 'the console');
    const player = doc.querySelector<HTMLElement & Record<string, any>>('shoppable-video#live')!;
    expect(player.getAttribute('src')).to.equal('/live-sale/spring/index.m3u8');
    await until(() => player.playing, 'the live stream playing', 20_000);

    // The host types the token into the console and connects.
    const input = await until(() => consoleEl.shadowRoot!.querySelector<HTMLInputElement>('input[name=token]'), 'the token field');
    input.focus();
    await sendKeys({ type: TOKEN });
    await sendKeys({ press: 'Enter' });
    const pinButton = () => [...consoleEl.shadowRoot!.querySelectorAll<HTMLButtonElement>('li button')].find((b) => b.getAttribute('aria-label') === 'Pin Small Gold Hoop Earrings');
    const button = await until(() => { const b = pinButton(); return b && !b.disabled ? b : undefined; }, 'the enabled pin button of the hoops');

    const appeared: Array<{ productId: string; source?: string }> = [];
    player.addEventListener('sv-product-appear', (e) => appeared.push({ productId: (e as CustomEvent).detail.productId, source: (e as CustomEvent).detail.cue?.source }));
    button.click();
    await until(() => button.getAttribute('aria-pressed') === 'true', 'the console to show the pin live');

    // The viewer: the pin rides in the playlist through the service, and its card shows.
    const teaser = await until(
      () => [...((player.overlay as HTMLElement | undefined)?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="teaser"]') ?? [])].find((t) => t.textContent?.includes('Small Gold Hoop Earrings')),
      'the hoops card in the player',
      30_000,
    );
    expect(teaser.getBoundingClientRect().width, 'on screen').to.be.above(0);
    expect(appeared).to.deep.include({ productId: 'gold-hoops', source: 'daterange' });
    const playlist = await (await fetch('/live-sale/spring/index.m3u8', { cache: 'no-store' })).text();
    expect(playlist).to.match(/#EXT-X-DATERANGE:ID="pin-[^"]+",CLASS="com\.shoppable-video\.product",START-DATE="[^"]+",X-PRODUCT-ID="gold-hoops"/);
  });

  for (const width of [1280, 360]) {
    it(`passes axe (WCAG 2.2 AA) with a pin on screen, at ${width} px`, async () => {
      await fetch('/live-sale/pins', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ productId: 'canvas-sneaker' }) });
      const page = await openDemo(width);
      frame = page.frame;
      const player = page.doc.querySelector<HTMLElement & Record<string, any>>('shoppable-video#live')!;
      await until(() => player.overlay?.shadowRoot?.querySelector('[part~="teaser"]'), 'a card in the player', 30_000);
      await until(() => page.doc.querySelector('shoppable-pin-console')?.shadowRoot?.querySelector('input[name=token]'), 'the console asking for its token');
      const script = page.doc.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      page.doc.head.append(script);
      const axe = await until(() => page.win.axe, 'axe in the page');
      const { violations } = await axe.run(page.doc.body, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
      expect(violations.map((v: { id: string; nodes: Array<{ target: unknown }> }) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).to.deep.equal([]);
    });
  }
});
