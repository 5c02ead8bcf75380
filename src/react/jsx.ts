/**
 * `shoppable-video/react/jsx`: React 19 JSX types for the raw elements, for apps that write
 * `<shoppable-video>` in JSX instead of using the `shoppable-video/react` components. Types
 * only; import it once (`import type {} from 'shoppable-video/react/jsx'`) or list it in
 * tsconfig `types`. React 19 sets a prop as a property when the element has one, and
 * `onsv-cart-add={(e) => …}` listens to `sv-cart-add` (the event's exact name after `on`).
 */
import type { WebComponentProps } from '@lit/react';
import type { ShoppableFeedElement } from '../feed/feed.component.js';
import type { ShoppablePinConsole } from '../live/pin-console.component.js';
import type { ShoppableFeedEventMap, ShoppablePinConsoleEventMap, ShoppableVideoEventMap } from '../events.js';
import type { ShoppableProduct, ShoppableVideoElement } from '../define.js';

/** `onsv-error`, … : React 19's listener props for the events of a map. */
export type EventListenerProps<M> = { [K in keyof M & string as `on${K}`]?: (event: M[K]) => void };

/** The JSX props of an element: its HTML attributes, its properties and its event listeners. */
export type ElementProps<E extends HTMLElement, M = {}> = WebComponentProps<E> & EventListenerProps<M> & { class?: string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'shoppable-video': ElementProps<ShoppableVideoElement, ShoppableVideoEventMap>;
      'shoppable-product': ElementProps<ShoppableProduct>;
      'shoppable-feed': ElementProps<ShoppableFeedElement, ShoppableFeedEventMap>;
      'shoppable-pin-console': ElementProps<ShoppablePinConsole, ShoppablePinConsoleEventMap>;
    }
  }
}
