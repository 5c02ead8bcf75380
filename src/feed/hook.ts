/**
 * Part of the initial script (keep it tiny): loads the `<shoppable-feed>` chunk the first time a
 * `<shoppable-feed>` element is in the document, now or later. Feeds inside a shadow root are
 * not seen: there, import `shoppable-video/feed` (which registers the element) yourself.
 */
export function whenFeed(load: () => Promise<unknown>): void {
  if (typeof document === 'undefined') return;
  const found = document.getElementsByTagName('shoppable-feed'); // live: reading it is cheap
  const check = (): void => {
    if (!found.length) return;
    watcher.disconnect();
    load().catch(() => undefined); // a failed chunk is the browser's console line; the tiles stay empty
  };
  const watcher = new MutationObserver(check);
  watcher.observe(document, { childList: true, subtree: true });
  check();
}
