/** Registers `<shoppable-overlay>`; the player imports this module lazily when a show has products. */
import { defineElement } from '../internal/base-element.js';
import { ShoppableOverlayElement } from './overlay.component.js';

defineElement('shoppable-overlay', ShoppableOverlayElement);

declare global {
  interface HTMLElementTagNameMap {
    'shoppable-overlay': ShoppableOverlayElement;
  }
}
