/**
 * The demo's first screen (`npm start` → /) as a newcomer sees it: a storefront page with the
 * shoppable video, the show's title and its products, one play button centred on the picture,
 * and WCAG 2.2 AA at a desktop and a phone width. The page runs in an iframe with the built
 * script (dist/cdn, built before the tests, like test/build/).
 */
import { expect } from '@open-wc/testing';
import { WCAG_TAGS } from '../a11y.js';
import { failOnUncaught, until } from '../helpers.js';

type Win = Window & typeof globalThis & Record<string, any>;

async function openDemo(width: number, height: number): Promise<{ frame: HTMLIFrameElement; win: Win; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0`;
  frame.src = '/demo/index.html';
  document.body.append(frame);
  await until(() => frame.contentDocument?.location.pathname === '/demo/index.html' && frame.contentDocument.readyState === 'complete', 'the demo page');
  return { frame, win: frame.contentWindow as Win, doc: frame.contentDocument! };
}

describe('demo: the first screen', function () {
  this.timeout(60_000);
  failOnUncaught();
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  for (const [width, height] of [[1280, 800], [360, 740]] as const) {
    it(`is a storefront page with the video, its title and one centred play button, axe-clean, at ${width} px`, async () => {
      const page = await openDemo(width, height);
      frame = page.frame;
      const { doc } = page;
      const player = doc.querySelector<HTMLElement & Record<string, any>>('shoppable-video#show')!;
      const bigPlay = await until(() => player.shadowRoot?.querySelector<HTMLElement>('[part~="big-play"]'), 'the play button');
      await until(() => player.overlay?.shadowRoot, 'the show loaded');
      // In the first screen: the store's name, the video, the show's title and a way to the cart.
      const inView = (el: Element | null) => {
        const r = el!.getBoundingClientRect();
        return r.width > 0 && r.top >= 0 && r.bottom <= height;
      };
      for (const [what, el] of [
        ['the store name', doc.querySelector('.brand')],
        ['the video', player],
        ['the cart link', doc.querySelector('a[href="/demo/cart.html"]')],
      ] as const)
        expect(inView(el), `${what} on the first screen`).to.equal(true);
      if (width >= 860) expect(inView(doc.querySelector('h1')), 'the title beside the video').to.equal(true);
      // One play button, in the middle of the picture (the poster carries none of its own).
      const f = player.getBoundingClientRect();
      const b = bigPlay.getBoundingClientRect();
      expect(Math.abs(b.left + b.width / 2 - (f.left + f.width / 2)), 'centred across').to.be.below(1);
      expect(Math.abs(b.top + b.height / 2 - (f.top + f.height / 2)), 'centred down').to.be.below(1);
      const poster = await (await fetch(player.getAttribute('poster') ?? JSON.parse(await (await fetch('/demo/show.json')).text()).video.poster)).text();
      expect(poster, 'the poster draws no play triangle of its own (it had a path)').to.not.match(/<(?:path|polygon)\b/);
      // The products of the show, each a link to its page with its price.
      const look = [...doc.querySelectorAll<HTMLAnchorElement>('.look a')];
      expect(look.map((a) => a.pathname + a.search)).to.deep.equal(
        JSON.parse(await (await fetch('/demo/show.json')).text()).products.map((p: { url: string }) => p.url),
      );
      const script = doc.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      doc.head.append(script);
      const axe = await until(() => page.win.axe, 'axe in the page');
      const { violations } = await axe.run(doc.body, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
      expect(violations.map((v: { id: string; nodes: Array<{ target: unknown }> }) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).to.deep.equal([]);
    });
  }
});
