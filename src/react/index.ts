/**
 * `shoppable-video/react`: React components for the elements, made with `@lit/react`. Props
 * are the elements' properties (set as properties, so objects such as `show` and `adapter`
 * pass as they are) and `onSv…` event props typed from the event maps (src/events.ts):
 *
 *     <ShoppableVideo src={url} show={manifest} checkout="shopify" onSvCartAdd={(e) => e.detail.variantId} />
 *
 * Importing this module registers the elements (like `shoppable-video/define`). Only npm
 * builds have it: React never enters the script-tag build.
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import type { ShoppableFeedEventMap, ShoppableVideoEventMap } from '../events.js';
import { ShoppableProduct as ShoppableProductElement, ShoppableVideoElement } from '../define.js';
import { ShoppableFeedElement } from '../feed/define.js';

/** `sv-cart-add` → `CartAdd`. */
type Pascal<S extends string> = S extends `${infer H}-${infer T}` ? `${Capitalize<H>}${Pascal<T>}` : Capitalize<S>;
/** The React prop of an event: `sv-cart-add` → `onSvCartAdd`. */
export type EventProp<K extends string> = `on${Pascal<K>}`;
/** The `events` option of `createComponent` for an event map: every event, typed. */
export type EventProps<M> = { [K in keyof M & string as EventProp<K>]: EventName<M[K] & Event> };

/** The event props of a map. Takes every event name of the map (the type checker lists missing ones). */
function eventProps<M>(names: Record<keyof M & string, true>): EventProps<M> {
  const props: Record<string, string> = {};
  for (const name of Object.keys(names)) props[`on${name.replace(/(?:^|-)([a-z])/g, (_, c: string) => c.toUpperCase())}`] = name;
  return props as unknown as EventProps<M>;
}

const videoEvents = {
  'sv-error': true, 'sv-show-load': true, 'sv-product-appear': true, 'sv-product-disappear': true,
  'sv-product-click': true, 'sv-card-open': true, 'sv-card-close': true, 'sv-cart-add': true, 'sv-cart-error': true, 'sv-checkout': true,
  'sv-add-to-cart': true, 'sv-get-cart': true, 'sv-hydrate': true, 'sv-open-cart': true,
  'sv-video-start': true, 'sv-video-progress': true, 'sv-video-complete': true, 'sv-live-join': true,
  'sv-product-impression': true, 'sv-variant-change': true, 'sv-cart-add-request': true,
} as const satisfies Record<keyof ShoppableVideoEventMap, true>;

/** `<shoppable-video>` as a React component. */
export const ShoppableVideo = createComponent({
  react: React,
  tagName: 'shoppable-video',
  elementClass: ShoppableVideoElement,
  displayName: 'ShoppableVideo',
  events: eventProps<ShoppableVideoEventMap>(videoEvents),
});

/** `<shoppable-product>` (a child of `ShoppableVideo`: the show in markup, docs/html-show.md). */
export const ShoppableProduct = createComponent({
  react: React,
  tagName: 'shoppable-product',
  elementClass: ShoppableProductElement,
  displayName: 'ShoppableProduct',
});

/** `<shoppable-feed>` as a React component. */
export const ShoppableFeed = createComponent({
  react: React,
  tagName: 'shoppable-feed',
  elementClass: ShoppableFeedElement,
  displayName: 'ShoppableFeed',
  events: eventProps<ShoppableFeedEventMap>({ ...videoEvents, 'sv-story-open': true, 'sv-story-close': true }),
});
