/**
 * The start-up requests of one source — the master playlist, the pipeline chunk and hls.js,
 * in parallel — and starting them early: a player connected already in view asks for them
 * before its first render (and ahead of the show's chunks), and the load that follows once the
 * `<video>` exists takes them over.
 */
import { fetchTimed, type Fetched } from './fetch-timed.js';
import { loadHls } from './hls-loader.js';
import { chooseEngine, type Engine } from './source.js';

export interface StartRequests {
  url: string;
  /** Chosen once, here, from the URL and the browser. */
  engine: Engine;
  /** The master playlist (hls.js engine only); a failure is re-requested, and reported, by hls.js. */
  master: Promise<Fetched> | undefined;
  /** Aborts `master` (and the pipeline's prefetches, which share it). */
  abort: AbortController;
}

/** Requests the master playlist, the pipeline chunk and hls.js at once: none costs a round trip of its own. */
export function startRequests(url: string): StartRequests {
  const abort = new AbortController();
  const engine = chooseEngine(url);
  const master = engine === 'hls.js' ? fetchTimed(url, false, abort.signal) : undefined;
  master?.catch(() => undefined);
  if (engine === 'hls.js') loadHls().catch(() => undefined); // a failure is reported by the pipeline
  import('./pipeline.js').catch(() => undefined); // a failure is reported by the load that imports it
  return { url, engine, master, abort };
}

/** Requests started before the `<video>` exists, kept for the load that follows. */
export class EarlyStart {
  private started: StartRequests | null = null;

  start(url: string): void {
    if (this.started?.url === url) return;
    this.cancel();
    this.started = startRequests(url);
  }

  /** The early requests for `url` (once), or null; early requests for another URL are aborted. */
  take(url: string): StartRequests | null {
    const started = this.started;
    this.started = null;
    if (started?.url === url) return started;
    started?.abort.abort();
    return null;
  }

  cancel(): void {
    this.started?.abort.abort();
    this.started = null;
  }
}

/**
 * Within `margin` CSS px of the viewport now, with a height of its own. Before its first render a
 * player has a height only when the page sizes it (e.g. `width` and `aspect-ratio` in CSS); until
 * then players above it may not be laid out either, so a box without height is not trusted.
 */
export function inView(el: Element, margin: number): boolean {
  const box = el.getBoundingClientRect();
  return Boolean(box.height) && box.top < innerHeight + margin && box.bottom > -margin && box.left < innerWidth && box.right > 0;
}
