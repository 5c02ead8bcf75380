/** Registers `<shoppable-feed>` (the feed chunk's entry; `shoppable-video/feed` on npm). */
import { defineElement } from '../internal/base-element.js';
import { ShoppableFeedElement } from './feed.component.js';

export { ShoppableFeedElement };

defineElement('shoppable-feed', ShoppableFeedElement);

declare global {
  interface HTMLElementTagNameMap {
    'shoppable-feed': ShoppableFeedElement;
  }
}
