// The Shopify theme app extension (integrations/shopify/), rendered with liquidjs as Shopify
// renders it (test/integrations/shopify-liquid.ts) for a USD shop and a JPY shop, then loaded
// as a storefront page: the loader pulls the SDK from the extension's assets (copied there by
// `npm run shopify:assets`, which `npm test` runs after the build), the shopper plays, opens
// a product and buys, and the local storefront's Shopify cart receives the line.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { expectAccessible } from '../a11y.js';
import { readHtmlShow } from '../../src/timeline/html-show.js';
import { requestLog, resetStore, serverLines } from '../commerce/store.js';
import { STREAMS, until } from '../helpers.js';
import { EXTENSION, page, pageScope, renderBlock, settingsOf, shopProducts, type Rendered } from './shopify-liquid.js';

const SHOW_ID = 'spring-edit';

async function videoBlock(currency: 'USD' | 'JPY', values: Record<string, unknown>, designMode = false): Promise<Rendered> {
  const { schema } = await renderBlock('shoppable-video', { block: { id: 'b1', settings: {} }, ...pageScope(currency) });
  return renderBlock('shoppable-video', { block: { id: 'AbC123', settings: settingsOf(schema, values) }, ...pageScope(currency, designMode) });
}

async function embedBlock(currency: 'USD' | 'JPY', values: Record<string, unknown> = {}): Promise<Rendered> {
  const { schema } = await renderBlock('shoppable-embed', { block: { settings: {} }, ...pageScope(currency) });
  return renderBlock('shoppable-embed', { block: { settings: settingsOf(schema, values) }, ...pageScope(currency) });
}

const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
const attrs = (el: Element | null | undefined, ...names: string[]) => Object.fromEntries(names.map((n) => [n, el?.getAttribute(n) ?? null]));

describe('Shopify theme app extension: the app block’s Liquid', () => {
  it('renders picked products with real variant ids, availability and USD cents', async () => {
    const p = await shopProducts('USD');
    const { html } = await videoBlock('USD', {
      video_url: STREAMS.fmp4, products: [p['rose-serum-30'], p['linen-overshirt'], p['canvas-sneaker']],
      cue_times: '0:01-0:06, 0:02-0:08 0:12-0:15, ', show_id: SHOW_ID,
    });
    const body = parse(html);
    const video = body.querySelector('shoppable-video')!;
    expect(attrs(video, 'checkout', 'src', 'show-id', 'autoplay', 'style')).to.deep.equal({
      checkout: 'shopify', src: STREAMS.fmp4, 'show-id': SHOW_ID, autoplay: null, style: 'display: block; aspect-ratio: 16 / 9; --sv-aspect-ratio: 16 / 9;',
    });
    const [serum, shirt, shirtAgain, sneaker] = [...video.querySelectorAll(':scope > shoppable-product')];
    expect(attrs(serum, 'product-id', 'price', 'currency', 'available', 'shopify-variant-id', 'start', 'end', 'compare-at-price')).to.deep.equal({
      'product-id': 'hydrating-rose-serum-30ml', price: '3900', currency: 'USD', available: 'true', 'shopify-variant-id': '44012345679040', start: '1', end: '6', 'compare-at-price': null,
    });
    expect(attrs(shirt, 'price', 'compare-at-price', 'options', 'brand', 'start', 'end')).to.deep.equal({
      price: '6800', 'compare-at-price': '8500', options: 'Size / Color', brand: 'Harbor & Pine', start: '2', end: '8',
    });
    expect([...shirt!.querySelectorAll('shoppable-variant')].map((v) => [v.getAttribute('shopify-variant-id'), v.getAttribute('options'), v.getAttribute('available'), v.getAttribute('price')])).to.deep.equal([
      ['44012345678901', 'S / Sand', 'true', '6800'], ['44012345678902', 'M / Sand', 'true', '6800'], ['44012345678903', 'L / Sand', 'true', '6800'],
      ['44012345678904', 'S / Olive', 'true', '6800'], ['44012345678905', 'M / Olive', 'true', '6800'], ['44012345678906', 'L / Olive', 'false', '6800'],
    ]);
    expect(attrs(shirtAgain, 'product-id', 'title', 'start', 'end')).to.deep.equal({ 'product-id': 'relaxed-linen-overshirt', title: null, start: '12', end: '15' });
    expect(attrs(sneaker, 'available', 'start')).to.deep.equal({ available: 'false', start: null });

    // The SDK reads it as a valid show: three products, three appearances, no issue.
    const show = readHtmlShow(video);
    expect(show.issues).to.deep.equal([]);
    expect(show.products.map((x) => [x.id, x.price, x.currency, x.available])).to.deep.equal([
      ['hydrating-rose-serum-30ml', 3900, 'USD', true], ['relaxed-linen-overshirt', 6800, 'USD', true], ['canvas-low-top-sneaker-chalk', 7500, 'USD', false],
    ]);
    expect(show.cues.map((c) => [c.productId, c.start, c.end])).to.deep.equal([
      ['hydrating-rose-serum-30ml', 1, 6], ['relaxed-linen-overshirt', 2, 8], ['relaxed-linen-overshirt', 12, 15],
    ]);
  });

  it('converts JPY from Shopify’s hundredths (¥6,800 is 680000 in Liquid) to whole yen', async () => {
    const p = await shopProducts('JPY');
    expect(p['linen-overshirt']!.variants[0].price, 'the sample shop prices in hundredths').to.equal(680000);
    const { html } = await videoBlock('JPY', { video_url: STREAMS.fmp4, products: [p['linen-overshirt'], p['gold-hoops']] });
    const show = readHtmlShow(parse(html).querySelector('shoppable-video')!);
    expect(show.issues).to.deep.equal([]);
    expect(show.products.map((x) => [x.id, x.price, x.compareAtPrice, x.currency])).to.deep.equal([
      ['relaxed-linen-overshirt', 6800, 8500, 'JPY'], ['small-gold-hoops', 4500, 5900, 'JPY'],
    ]);
    expect(show.products[0]!.variants!.map((v) => v.price)).to.deep.equal([6800, 6800, 6800, 6800, 6800, 6800]);
  });

  it('reads cue times robustly and names what it ignored, in the theme editor only', async () => {
    const p = await shopProducts('USD');
    const values = {
      video_url: STREAMS.fmp4, products: [p['rose-serum-30'], p['gold-hoops'], p['linen-overshirt'], p['canvas-sneaker']],
      cue_times: '1:02:03-1:02:10,  12.5 , 0:6o-0:12 0:20-0:10 1:60 5-6-7   0:30-0:40, x, y',
    };
    const editor = parse((await videoBlock('USD', values, true)).html);
    const cues = readHtmlShow(editor.querySelector('shoppable-video')!).cues.map((c) => [c.productId, c.start, c.end ?? null]);
    expect(cues).to.deep.equal([['hydrating-rose-serum-30ml', 3723, 3730], ['small-gold-hoops', 12.5, Infinity], ['relaxed-linen-overshirt', 30, 40]]);
    const notice = editor.querySelector('.shoppable-video-notice')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect([...notice.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
      '5 cue times for 4 products: the extra ones are ignored.',
      'Product 3 (Relaxed Linen Overshirt): "0:6o-0:12" is not a time range like 0:05-0:12; it is ignored.',
      'Product 3 (Relaxed Linen Overshirt): "0:20-0:10" is not a time range like 0:05-0:12; it is ignored.',
      'Product 3 (Relaxed Linen Overshirt): "1:60" is not a time range like 0:05-0:12; it is ignored.',
      'Product 3 (Relaxed Linen Overshirt): "5-6-7" is not a time range like 0:05-0:12; it is ignored.',
      'Product 4 (Canvas Low-Top Sneaker, Chalk): "x" is not a time range like 0:05-0:12; it is ignored.',
    ]);

    // The notice passes axe (WCAG 2.2 AA) on a desktop and a phone editor preview.
    const host = document.createElement('div');
    host.innerHTML = (await videoBlock('USD', values, true)).html;
    document.body.append(host);
    try {
      for (const width of [1280, 360]) {
        await setViewport({ width, height: 800 });
        await expectAccessible(host.querySelector('.shoppable-video-notice')!, `(editor notice at ${width} px)`);
      }
    } finally {
      host.remove();
      await setViewport({ width: 800, height: 600 });
    }

    // The storefront renders the same show and no notice.
    const live = parse((await videoBlock('USD', values, false)).html);
    expect(live.querySelector('.shoppable-video-notice')).to.equal(null);
    expect(readHtmlShow(live.querySelector('shoppable-video')!).cues).to.have.length(3);
  });

  it('without a video asks for one in the editor and renders nothing on the storefront', async () => {
    const editor = parse((await videoBlock('USD', {}, true)).html);
    expect(editor.querySelector('.shoppable-video-notice')!.textContent).to.equal("Shoppable video: choose a video, or a show address, in this block's settings.");
    expect(editor.querySelector('shoppable-video')).to.equal(null);
    expect(parse((await videoBlock('USD', {})).html).innerHTML.trim()).to.equal('');
  });

  it('plays a Shopify-hosted video’s HLS source, with its preview as the poster', async () => {
    const video = {
      preview_image: { src: '/docs/examples/images/poster.svg' },
      sources: [
        { format: 'mp4', mime_type: 'video/mp4', url: '//shop.example/cdn/shop/videos/c/vp/1/1.HD-1080p-7.2Mbps.mp4' },
        { format: 'm3u8', mime_type: 'application/x-mpegURL', url: '//shop.example/cdn/shop/videos/c/vp/1/1.m3u8' },
      ],
    };
    const el = parse((await videoBlock('USD', { video, video_url: STREAMS.fmp4, autoplay: true, aspect_ratio: '9 / 16', accent_color: '#ff3366' })).html).querySelector('shoppable-video');
    expect(attrs(el, 'src', 'poster', 'autoplay', 'muted', 'style')).to.deep.equal({
      src: '//shop.example/cdn/shop/videos/c/vp/1/1.m3u8', poster: '/docs/examples/images/poster.svg?width=1280', autoplay: '', muted: '',
      style: 'display: block; aspect-ratio: 9 / 16; --sv-aspect-ratio: 9 / 16; --sv-accent: #ff3366;',
    });
    // Before any script runs (no app embed either), the player's box is already reserved: no layout shift.
    const box = document.createElement('div');
    box.style.width = '180px';
    box.append(el!);
    document.body.append(box);
    try {
      expect(customElements.get('shoppable-video'), 'not upgraded in this window').to.equal(undefined);
      expect(el!.getBoundingClientRect().height).to.equal(320);
    } finally {
      box.remove();
    }
  });
});

describe('Shopify theme app extension: a storefront page', function () {
  this.timeout(40_000);
  let frame: HTMLIFrameElement;

  /** Loads the page in an iframe (same origin: the store's cart cookie is shared). */
  async function open(html: string): Promise<{ win: any; doc: Document }> {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 700px; border: 0';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.srcdoc = html;
    document.body.append(frame);
    await loaded;
    return { win: frame.contentWindow, doc: frame.contentDocument! };
  }
  before(async () => {
    const res = await fetch(`${EXTENSION}/assets/shoppable-video.js`, { method: 'HEAD' });
    if (!res.ok) throw new Error('The SDK is not in the extension’s assets: run `npm run build && npm run shopify:assets` first (npm test does).');
  });
  afterEach(() => frame?.remove());

  /** Plays the player at `time`, opens `title`'s teaser and returns the card's shadow root. */
  async function openProduct(win: any, el: any, time: number, title: string) {
    await until(() => win.customElements.get('shoppable-video') && el.shadowRoot, 'the SDK, loaded by the loader');
    el.muted = true;
    await el.play();
    el.currentTime = time;
    el.pause();
    const overlay = await until(() => el.overlay?.shadowRoot && el.overlay, 'the overlay');
    await until(() => el.flow, 'the cart flow');
    const teaser = await until(
      () => [...overlay.shadowRoot.querySelectorAll('.teaser')].find((t: any) => t.querySelector('.teaser-title')?.textContent === title) as HTMLButtonElement | undefined,
      `the teaser of ${title}`,
    );
    return { overlay, teaser };
  }

  it('USD: the loader loads the SDK once, the shopper buys the serum, the cart gets the variant with show and cue', async () => {
    await resetStore();
    const p = await shopProducts('USD');
    const section = await videoBlock('USD', { video_url: STREAMS.fmp4, products: [p['rose-serum-30'], p['linen-overshirt']], cue_times: '0:01-0:09, 0:12-0:15', show_id: SHOW_ID });
    const { win, doc } = await open(page('USD', section, await embedBlock('USD', { after_add: 'theme', button_background: '#2255aa' })));
    const el = doc.querySelector('shoppable-video') as any;
    const { overlay, teaser } = await openProduct(win, el, 3, 'Hydrating Rose Serum, 30 ml');
    expect(teaser.querySelector('.teaser-price')!.textContent).to.equal('$39.00');
    expect(doc.querySelectorAll(`script[type="module"][src$="/assets/shoppable-video.js"]`)).to.have.length(1);
    expect(win.__shoppableVideoLoader.sdk).to.equal(new URL(`${EXTENSION}/assets/shoppable-video.js`, location.href).href);

    teaser.click();
    const buy = await until(() => overlay.shadowRoot.querySelector('[part~="buy-button"]') as HTMLButtonElement | null, 'the buy button');
    expect(win.getComputedStyle(buy).backgroundColor, 'the embed’s button colour').to.equal('rgb(34, 85, 170)');
    buy.click();
    await until(async () => (await serverLines('shopify')).length === 1, 'the line in the store’s cart');
    const [line] = await serverLines('shopify');
    expect([line!.variantId, line!.quantity, line!.properties]).to.deep.equal([
      '44012345679040', 1, { _shoppable_show: SHOW_ID, _shoppable_cue: 'hydrating-rose-serum-30ml-1' },
    ]);
    // "Show it the theme's way": the shopper stays on the show.
    await until(() => overlay.shadowRoot.querySelector('[part~="view-cart-button"], [part~="checkout-button"]'), 'the add’s outcome');
    expect(win.location.href).to.equal('about:srcdoc');
    // Prices came from the page: no product was re-read from the store.
    expect((await requestLog('shopify')).filter((e) => e.path.startsWith('/products/'))).to.deep.equal([]);
  });

  it('JPY: the card shows whole yen, the overshirt’s first available size is added, and "Go to the cart page" goes there', async () => {
    await resetStore({ shopifyCurrency: 'JPY' });
    const p = await shopProducts('JPY');
    const section = await videoBlock('JPY', { video_url: STREAMS.fmp4, products: [p['linen-overshirt']], cue_times: '0:01-0:09', show_id: SHOW_ID });
    const { win, doc } = await open(page('JPY', section, await embedBlock('JPY', { after_add: 'cart_page' })));
    const el = doc.querySelector('shoppable-video') as any;
    const { overlay, teaser } = await openProduct(win, el, 3, 'Relaxed Linen Overshirt');
    expect(teaser.querySelector('.teaser-price')!.textContent).to.equal('¥6,800');
    teaser.click();
    const card = await until(() => overlay.shadowRoot.querySelector('[part~="card"]') as HTMLElement | null, 'the card');
    expect(card.querySelector('[part~="compare-at-price"]')!.textContent).to.contain('¥8,500');
    const buy = await until(() => overlay.shadowRoot.querySelector('[part~="buy-button"]') as HTMLButtonElement | null, 'the buy button');
    buy.click();
    await until(async () => (await serverLines('shopify')).length === 1, 'the line in the store’s cart');
    const [line] = await serverLines('shopify');
    expect([line!.variantId, line!.sku, line!.quantity, line!.properties._shoppable_cue]).to.deep.equal(['44012345678901', 'HP-LOS-S-SND', 1, 'relaxed-linen-overshirt-1']);
    await until(() => {
      try {
        return frame.contentWindow!.location.pathname === '/cart';
      } catch {
        return false;
      }
    }, 'the cart page');
  });

  it('"Go to checkout" takes the shopper to checkout after the add', async () => {
    await resetStore();
    const p = await shopProducts('USD');
    const section = await videoBlock('USD', { video_url: STREAMS.fmp4, products: [p['gold-hoops']], cue_times: '1-9' });
    const { win, doc } = await open(page('USD', section, await embedBlock('USD', { after_add: 'checkout' })));
    const { overlay, teaser } = await openProduct(win, doc.querySelector('shoppable-video'), 3, 'Small Gold Hoop Earrings');
    teaser.click();
    (await until(() => overlay.shadowRoot.querySelector('[part~="buy-button"]') as HTMLButtonElement | null, 'the buy button')).click();
    await until(() => {
      try {
        return frame.contentWindow!.document.querySelector('h1')?.textContent === 'Checkout';
      } catch {
        return false;
      }
    }, 'the store’s checkout page');
    expect((await serverLines('shopify')).map((l) => [l.variantId, l.properties._shoppable_show])).to.deep.equal([['44012345679100', 'AbC123']]);
  });

  it('"Open the cart" opens the theme’s cart through the standard Shopify.actions once the add succeeded', async () => {
    await resetStore();
    const p = await shopProducts('USD');
    const section = await videoBlock('USD', { video_url: STREAMS.fmp4, products: [p['rose-serum-30']], cue_times: '1-9', show_id: SHOW_ID });
    // A theme with the standard actions (Horizon): updateCart writes the cart (here through the
    // local store's Ajax API), openCart opens the theme's cart; both are the theme's code.
    const actions = `<script>window.opened = 0; window.addEventListener('DOMContentLoaded', () => { Shopify.actions = {
      async updateCart(input) {
        const items = input.lines.map((l) => ({ id: Number(l.merchandiseId.split('/').pop()), quantity: l.quantity, properties: Object.fromEntries(l.attributes.map((a) => [a.key, a.value])) }));
        const res = await fetch('/cart/add.js', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) });
        return { cart: null, userErrors: res.ok ? [] : [{ code: 'INVALID', field: ['lines', '0', 'quantity'], message: (await res.json()).description }], warnings: [] };
      },
      async openCart() { window.opened++; },
    }; });</script>`;
    const { win, doc } = await open(page('USD', section, await embedBlock('USD', { after_add: 'open_cart' })).replace('</head>', `${actions}</head>`));
    const { overlay, teaser } = await openProduct(win, doc.querySelector('shoppable-video'), 3, 'Hydrating Rose Serum, 30 ml');
    teaser.click();
    expect(win.opened).to.equal(0);
    (await until(() => overlay.shadowRoot.querySelector('[part~="buy-button"]') as HTMLButtonElement | null, 'the buy button')).click();
    await until(() => win.opened === 1, 'the theme’s cart opened');
    expect((await serverLines('shopify')).map((l) => [l.variantId, l.quantity, l.properties._shoppable_show])).to.deep.equal([['44012345679040', 1, SHOW_ID]]);
    expect(win.location.href).to.equal('about:srcdoc');
  });

  it('when the SDK cannot be downloaded, each player gets one SDK_LOAD_FAILED sv-error and nothing is thrown', async () => {
    const section = await videoBlock('USD', { video_url: STREAMS.fmp4 });
    // Stand-in for an extension deployed without `npm run shopify:assets`: the loader looks for
    // the SDK beside a script address that has none.
    const missing = `<script>Object.defineProperty(document, 'currentScript', { get: () => ({ src: '${location.origin}/missing/assets/shoppable-loader.js' }) });
      window.seen = []; window.uncaught = [];
      addEventListener('error', (e) => { if (e.error) uncaught.push(String(e.error)); });
      document.addEventListener('sv-error', (e) => seen.push([e.target.localName, e.detail]));</script>`;
    const { win } = await open(page('USD', section, await embedBlock('USD')).replace('</head>', `${missing}</head>`));
    const [[target, detail]] = await until(() => (win.seen.length ? win.seen : null), 'the sv-error');
    expect(target).to.equal('shoppable-video');
    expect(detail).to.deep.include({ source: 'config', code: 'SDK_LOAD_FAILED', fatal: true });
    expect(detail.data.url).to.equal(`${location.origin}/missing/assets/shoppable-video.js`);
    expect(win.seen).to.have.length(1);
    expect(win.uncaught).to.deep.equal([]);
  });

  it('a page without a player loads no SDK; a section added later (theme editor) brings it, selling through the theme cart', async () => {
    const { win, doc } = await open(page('USD', { html: '<p>No video here.</p>', schema: {} }, await embedBlock('USD')));
    await until(() => win.__shoppableVideoLoader, 'the loader');
    expect(doc.querySelectorAll('script[type="module"]')).to.have.length(0);
    const sdkRequests = () => win.performance.getEntriesByType('resource').filter((e: PerformanceEntry) => e.name.endsWith('/assets/shoppable-video.js'));
    expect(sdkRequests()).to.have.length(0);
    const added = doc.createElement('div');
    added.innerHTML = `<shoppable-video src="${STREAMS.fmp4}"></shoppable-video>`;
    doc.querySelector('main')!.append(added);
    const el = added.firstElementChild as any;
    await until(() => win.customElements.get('shoppable-video'), 'the SDK');
    expect(el.getAttribute('checkout')).to.equal('shopify');
    expect(doc.querySelectorAll('script[type="module"]')).to.have.length(1);
    expect(sdkRequests()).to.have.length(1);
  });
});
