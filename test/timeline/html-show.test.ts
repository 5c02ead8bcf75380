import { expect, fixture, html } from '@open-wc/testing';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ShoppableProduct } from '../../src/elements/shoppable-product.component.js';
import { observeHtmlShow, readHtmlShow, readProductElement, type HtmlShow } from '../../src/timeline/html-show.js';
import { parseShow } from '../../src/timeline/manifest.js';
import { Timeline } from '../../src/timeline/timeline.js';
import type { Cue } from '../../src/timeline/types.js';

if (!customElements.get('shoppable-product')) customElements.define('shoppable-product', ShoppableProduct);

const text = (path: string) => fetch(path).then((r) => r.text());
const withoutSource = (cues: readonly Cue[]) => cues.map(({ source: _, ...c }) => c);
const tick = () => new Promise((r) => setTimeout(r));

/** A host (a plain element here: the player wires itself later) holding the given children. */
const host = (children: string) => fixture<HTMLElement>(html`<div>${unsafeHTML(children)}</div>`);

describe('HTML show', () => {
  it('describes the same show as the JSON example: identical timelines', async () => {
    const { show } = parseShow(await text('/docs/examples/show.json'));
    const page = await fixture<HTMLElement>(html`<div>${unsafeHTML(await text('/docs/examples/show.html'))}</div>`);
    const fromHtml = readHtmlShow(page.querySelector('shoppable-video')!);
    expect(fromHtml.issues).to.deep.equal([]);

    const json = new Timeline();
    json.setSource('manifest', show!.cues, show!.products);
    const markup = new Timeline();
    markup.setSource('html', fromHtml.cues, fromHtml.products);

    expect([...markup.products.values()]).to.deep.equal([...json.products.values()]);
    expect(withoutSource(markup.cues)).to.deep.equal(withoutSource(json.cues));
    expect(markup.cues.every((c) => c.source === 'html')).to.equal(true);
    expect(json.cues.length).to.equal(6);
  });

  it('renders nothing', async () => {
    const el = await fixture<ShoppableProduct>(html`<shoppable-product product-id="a" title="Visible?">text</shoppable-product>`);
    expect(getComputedStyle(el).display).to.equal('none');
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('reports bad attributes with element paths and keeps the valid children', async () => {
    const el = await host(`
      <shoppable-product product-id="a" title="A" price="4990" currency="EUR" start="1" end="3"></shoppable-product>
      <p>not a product</p>
      <shoppable-product product-id="b" title="B" currency="EUR" price="49.90" start="2"></shoppable-product>
      <shoppable-product product-id="c" title="C" url="javascript:alert(1)"></shoppable-product>
      <shoppable-product product-id="d" title="D" compare-at-price="12.5" currency="EUR"></shoppable-product>
      <shoppable-product product-id="a" start="5" end="4"></shoppable-product>
      <shoppable-product product-id="a" start="6" keyframes="6:0.1:0.1 7:2:0.5"></shoppable-product>
      <shoppable-product product-id="e" title="E" options="Size" shopify-variant-id="">
        <shoppable-variant variant-id="e1" options="S"></shoppable-variant>
        <shoppable-variant variant-id="e2" options="M" price="abc"></shoppable-variant>
      </shoppable-product>
      <shoppable-product product-id="a" cue-id="a@1" start="8"></shoppable-product>
    `);
    const { products, cues, issues } = readHtmlShow(el);
    expect(issues.map((i) => [i.path, i.message])).to.deep.equal([
      ['shoppable-product[1].price', 'expected an integer in minor units, got "49.90"'],
      ['shoppable-product[2].url', 'expected an http(s) or relative URL, got "javascript:alert(1)"'],
      ['shoppable-product[3].compare-at-price', 'expected an integer in minor units, got "12.5"'],
      ['shoppable-product[4].end', 'expected a time after start (5), got 4'],
      ['shoppable-product[5].keyframes[1].x', 'expected a fraction of the frame from 0 to 1, got 2'],
      ['shoppable-product[6].shoppable-variant[1].price', 'expected an integer in minor units, got "abc"'],
      ['shoppable-product[7].cue-id', 'duplicate id "a@1"'],
    ]);
    expect(products.map((p) => p.id)).to.deep.equal(['a', 'e']);
    expect(products[1].variants!.map((v) => v.id)).to.deep.equal(['e1']);
    expect(products[1].options).to.deep.equal([{ name: 'Size', values: ['S', 'M'] }]);
    expect(cues.map((c) => c.id)).to.deep.equal(['a@1']);
  });

  it('reads one element into its product, appearance and issues', async () => {
    const el = await fixture<HTMLElement>(
      html`<shoppable-product product-id="x" title="X" price="100" available="false" start="3" x="0.25" y="0.75" label="Look"></shoppable-product>`,
    );
    expect(readProductElement(el, 'shoppable-product[0]', 'CAD')).to.deep.equal({
      product: { id: 'x', title: 'X', price: 100, currency: 'CAD', available: false },
      cues: [{ id: 'x@3', productId: 'x', start: 3, end: Infinity, x: 0.25, y: 0.75, label: 'Look' }],
      issues: [],
    });
    el.removeAttribute('title');
    el.setAttribute('start', 'soon');
    expect(readProductElement(el)).to.deep.equal({
      product: null,
      cues: [],
      issues: [{ path: 'shoppable-product.start', message: 'expected a time in seconds, got "soon"', severity: 'error' }],
    });
  });

  it('updates the show when children are added, changed or removed at run time', async () => {
    const el = await host(`<shoppable-product product-id="a" title="A" start="1"></shoppable-product>`);
    const seen: HtmlShow[] = [];
    const stop = observeHtmlShow(el, (show) => seen.push(show));
    await tick();
    expect(seen).to.have.length(1);
    expect(seen[0].products.map((p) => p.id)).to.deep.equal(['a']);

    const b = document.createElement('shoppable-product');
    b.setAttribute('product-id', 'b');
    b.setAttribute('title', 'B');
    b.setAttribute('start', '2');
    el.append(b);
    b.setAttribute('end', '4');
    await tick();
    expect(seen, 'several mutations in a task are reported once').to.have.length(2);
    expect(seen[1].cues.map((c) => [c.id, c.end])).to.deep.equal([['a@1', Infinity], ['b@2', 4]]);

    el.firstElementChild!.remove();
    await tick();
    expect(seen[2].products.map((p) => p.id)).to.deep.equal(['b']);

    const variant = document.createElement('shoppable-variant');
    variant.setAttribute('variant-id', 'b1');
    b.append(variant);
    await tick();
    expect(seen[3].products[0].variants).to.deep.equal([{ id: 'b1', options: [] }]);

    el.setAttribute('data-state', 'playing');
    await tick();
    expect(seen, "the host's own attributes are not the show").to.have.length(4);

    stop();
    b.setAttribute('start', '3');
    await tick();
    expect(seen, 'nothing after disconnect').to.have.length(4);
  });

  it('feeds a timeline with the manifest and the API; HTML fields override the manifest', async () => {
    const changes: number[] = [];
    const timeline = new Timeline((t) => changes.push(t.cues.length));
    timeline.setSource(
      'manifest',
      [{ id: 'm1', productId: 'a', start: 0, end: 5 }],
      [{ id: 'a', title: 'Manifest title', brand: 'Brand', price: 100, currency: 'USD', refs: { sku: 'A-1', shopifyHandle: 'a' } }],
    );
    const el = await host(`
      <shoppable-product product-id="a" title="Page title" price="90" currency="USD" sku="A-2"></shoppable-product>
      <shoppable-product product-id="a" start="7" end="9"></shoppable-product>
      <shoppable-product product-id="ghost" start="1"></shoppable-product>
    `);
    const { cues, products } = readHtmlShow(el);
    timeline.setSource('html', cues, products);
    expect(timeline.products.get('a')).to.deep.equal({
      id: 'a',
      title: 'Page title',
      brand: 'Brand',
      price: 90,
      currency: 'USD',
      refs: { sku: 'A-2', shopifyHandle: 'a' },
    });
    expect(timeline.cues.map((c) => `${c.source}:${c.id}`), 'a cue of an unknown product waits for it').to.deep.equal([
      'manifest:m1',
      'html:a@7',
    ]);

    const pin = timeline.pin('a', { start: 10, x: 0.5, y: 0.5 });
    expect(timeline.cues.at(-1)).to.deep.equal({ id: pin, productId: 'a', start: 10, end: Infinity, x: 0.5, y: 0.5, source: 'api' });
    expect(() => timeline.pin('a', { start: 5, end: 2 })).to.throw(TypeError, 'end: expected a time after start (5), got 2');

    const before = timeline.cues[0];
    timeline.setSource('manifest', [{ id: 'm1', productId: 'a', start: 0, end: 5 }], [{ id: 'ghost', title: 'Ghost' }]);
    expect(timeline.cues[0], 'an unchanged cue keeps its identity').to.equal(before);
    expect(timeline.cues.map((c) => c.id)).to.deep.equal(['m1', 'a@7', 'ghost@1', pin]);

    expect(timeline.unpin('a')).to.equal(true);
    expect(timeline.unpin('a')).to.equal(false);
    expect(timeline.cues.map((c) => c.id)).to.deep.equal(['m1', 'a@7', 'ghost@1']);
    expect(changes).to.deep.equal([1, 2, 3, 4, 3]);
  });
});
