/**
 * Registers `<shoppable-pin-console>` (and the player, for its preview). Entry
 * `shoppable-video/pin-console`; deliberately not imported by `src/define.ts`.
 */
import { defineElement } from '../internal/base-element.js';
import { ShoppablePinConsole } from './pin-console.component.js';
import '../define.js';

export { ShoppablePinConsole };
defineElement('shoppable-pin-console', ShoppablePinConsole);

declare global {
  interface HTMLElementTagNameMap {
    'shoppable-pin-console': ShoppablePinConsole;
  }
}
