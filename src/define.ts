/** Registers the custom elements. The only module with a side effect. */
import { ShoppableVideoElement } from './elements/shoppable-video.component.js';
import { defineElement } from './internal/base-element.js';

export * from './index.js';

defineElement('shoppable-video', ShoppableVideoElement);

declare global {
  interface HTMLElementTagNameMap {
    'shoppable-video': ShoppableVideoElement;
  }
}
