/** The product list: every product of the show; choosing one seeks to it (on demand) and opens its card. */
import { html, nothing, type TemplateResult } from 'lit';
import { requestMedia } from '../player/requests.js';
import type { Cue, Product } from '../timeline/types.js';
import type { ProductClickSource } from './types.js';
import type { OverlayStrings } from './strings.js';
import { priceOf } from './variants.js';

/** What the list reads from, and asks of, the overlay element. */
export interface ProductListHost extends HTMLElement {
  readonly products: ReadonlyMap<string, Product>;
  readonly cues: readonly Cue[];
  readonly seekable: boolean;
  price(product: Product, minor: number | undefined): string;
  clickProduct(productId: string, cue: Cue | undefined, source: ProductClickSource): boolean;
  openCard(productId: string, cue?: Cue, opener?: HTMLElement | null): void;
  piece<T extends Element>(name: string): T | null;
  toggleList(): void;
}

function fromList(o: ProductListHost, product: Product): void {
  if (!o.clickProduct(product.id, undefined, 'list')) return;
  const cue = o.cues.filter((c) => c.productId === product.id).sort((a, b) => a.start - b.start)[0];
  // Video on demand: seek to the first appearance (a little into it, so its first frame counts).
  if (cue && o.seekable) requestMedia(o, { type: 'seek', time: Math.min(cue.start + 0.1, (cue.start + cue.end) / 2) });
  o.openCard(product.id, cue, o.piece<HTMLElement>('list-button'));
}

/** `onScreen`: ids of the products shown now (marked "On screen now"). */
export function renderList(o: ProductListHost, t: OverlayStrings, onScreen: Set<string>): TemplateResult {
  return html`<div class="list" part="list" role="dialog" aria-label=${t.productList}>
    <div class="list-head">
      <span>${t.productList}</span>
      <button class="close" aria-label=${t.close} @click=${() => o.toggleList()}>✕</button>
    </div>
    <ul>
      ${[...o.products.values()].map((product) => {
        const now = onScreen.has(product.id);
        return html`<li>
          <button part="list-item" class=${now ? 'now' : ''} aria-current=${now ? 'true' : 'false'} @click=${() => fromList(o, product)}>
            ${product.image ? html`<img src=${product.image} alt="" />` : html`<span class="img"></span>`}
            <span class="text">
              <span class="teaser-title">${product.title}</span>
              <span>${o.price(product, priceOf(product, undefined).price)}</span>
              ${now ? html`<span class="badge">${t.onScreen}</span>` : nothing}
            </span>
          </button>
        </li>`;
      })}
    </ul>
  </div>`;
}
