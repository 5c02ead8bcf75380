/** A story's `<shoppable-video>` in the viewer, set up from the feed's settings. */
import { CHECKOUT_PROPERTIES, type CheckoutSettings } from '../commerce/checkout-config.js';
import type { Story } from './stories.js';

/** The player element, by its tag (declared by src/define.ts): nothing outside src/elements/ imports from it. */
export type ShoppableVideoElement = HTMLElementTagNameMap['shoppable-video'];

/** What a story's player takes from the feed: the checkout settings, strings and locale. */
export interface StoryPlayerSettings extends CheckoutSettings {
  strings: Record<string, string>;
  locale: string;
}

/**
 * 9:16, no controls and no mini-player, muted until the viewer plays it. `preload="metadata"`:
 * a neighbour loads its playlists and first segment only (the player's preload budget, about
 * 40 KB on the test clips) and buffers normally once it is the open story and plays.
 */
export function createStoryPlayer(story: Story, label: string, feed: StoryPlayerSettings): ShoppableVideoElement {
  const player = document.createElement('shoppable-video');
  player.aspectRatio = '9/16';
  player.controls = false;
  player.noMiniPlayer = true;
  player.muted = true;
  player.preload = 'metadata';
  player.label = label;
  player.src = story.src;
  player.poster = story.poster;
  player.show = story.show;
  player.strings = feed.strings;
  player.locale = feed.locale;
  for (const k of Object.keys(CHECKOUT_PROPERTIES) as Array<keyof CheckoutSettings>) (player as unknown as Record<string, unknown>)[k] = feed[k];
  return player;
}
