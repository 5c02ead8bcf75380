/** Every string the feed and the story viewer show or announce (`strings` property). */
export const DEFAULT_FEED_STRINGS = {
  feed: 'Shoppable stories',
  /** `{index}`, `{count}` and `{title}` are replaced. */
  storyOf: 'Story {index} of {count}: {title}',
  close: 'Close',
  next: 'Next story',
  previous: 'Previous story',
  mute: 'Mute',
  unmute: 'Unmute',
  untitled: 'Story',
};

export type FeedStrings = typeof DEFAULT_FEED_STRINGS;
