/** Registers the custom elements. The only module with a side effect. */
import { ShoppableProduct } from './elements/shoppable-product.component.js';
import { ShoppableVideoElement } from './elements/shoppable-video.component.js';
import { defineElement } from './internal/base-element.js';
import { whenFeed } from './feed/hook.js';

export { ShoppableVideoElement, ShoppableProduct };

defineElement('shoppable-video', ShoppableVideoElement);
defineElement('shoppable-product', ShoppableProduct);
// <shoppable-feed> is a lazy chunk, loaded when one appears (docs/feed.md).
whenFeed(() => import('./feed/define.js'));
