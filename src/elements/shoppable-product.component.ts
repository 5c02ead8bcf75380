import { css } from 'lit';
import { ShoppableElement } from '../internal/base-element.js';

/**
 * `<shoppable-product>`: a product of the show, and optionally one appearance of it, declared
 * in HTML as a child of `<shoppable-video>`, so a Liquid or HTML template can describe a show
 * without JSON. It renders nothing: the player reads its attributes and its
 * `<shoppable-variant>` children (see docs/html-show.md, and `readProductElement` in
 * src/timeline/html-show.ts), and re-reads them when they change.
 *
 * @attr product-id - the product's id (required)
 * @attr title - declares the product; without it the element only adds an appearance
 * @attr start - appearance start, seconds; with `end`, `x`, `y`, `keyframes`, `label`, `cue-id`
 */
export class ShoppableProduct extends ShoppableElement {
  static override styles = css`
    :host {
      display: none !important;
    }
  `;
}
