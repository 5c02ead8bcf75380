import { css } from 'lit';
import { ShoppableElement } from '../internal/base-element.js';

/**
 * `<shoppable-product>`: a product of the show, and optionally one appearance of it, declared
 * in HTML as a child of `<shoppable-video>`, so a Liquid or HTML template can describe a show
 * without JSON. It renders nothing: the player reads its attributes and its
 * `<shoppable-variant>` children (see docs/html-show.md, and `readProductElement` in
 * src/timeline/html-show.ts), and re-reads them when they change.
 *
 * @attr product-id - The product's id (required).
 * @attr title - Declares the product; without it the element only adds an appearance of a product declared elsewhere.
 * @attr brand - The product's brand. @attr description - Its description.
 * @attr image - Image URL. @attr url - Product page URL.
 * @attr {integer} price - Price in the currency's minor units (6800 for $68.00).
 * @attr {integer} compare-at-price - Price before a sale, in minor units.
 * @attr currency - ISO 4217 code (default: the show's).
 * @attr {boolean} available - In stock (present or `true`; `false` for sold out).
 * @attr options - Option axis names, ` / `-separated (`Size / Color`); values come from `<shoppable-variant>` children.
 * @attr shopify-product-id - Merchant reference. @attr shopify-variant-id - Merchant reference (a product without variants).
 * @attr shopify-handle - Merchant reference. @attr woo-product-id - Merchant reference.
 * @attr woo-variation-id - Merchant reference. @attr bigcommerce-product-id - Merchant reference.
 * @attr bigcommerce-variant-id - Merchant reference. @attr sku - Merchant reference.
 * @attr cue-id - Id of this appearance (default `product-id@start`).
 * @attr {number} start - Appearance start, seconds: the element adds one appearance. @attr {number} end - Its end, seconds.
 * @attr {number} x - Hotspot position, 0…1 of the picture's width. @attr {number} y - 0…1 of its height.
 * @attr keyframes - A moving hotspot: `t:x:y` triples, space-separated (`4:0.62:0.3 7:0.7:0.36`).
 * @attr label - Text beside the hotspot on wide players.
 *
 * @slot - `<shoppable-variant>` children (`variant-id`, `options` as `M / Olive`, `price`, `compare-at-price`,
 *   `available`, `inventory`, `image`, `title` and the merchant references): the product's variants.
 */
export class ShoppableProduct extends ShoppableElement {
  static override styles = css`
    :host {
      display: none !important;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'shoppable-product': ShoppableProduct;
  }
}
