/**
 * The show's side of the event catalogue (part of the show chunk, so the initial script pays
 * nothing): the common fields every event carries ({@link ShowEventBase}), and the video
 * milestones (start, quartiles, complete, live joined) dispatched on the player. The sinks
 * (`sinks.ts`) are a separate lazy chunk, loaded only when one is configured.
 */
import { reportError } from '../internal/errors.js';
import type { Product } from '../timeline/types.js';
import type { AnalyticsSettings } from './settings.js';
import type { Sinks } from './sinks.js';
import type { ShowEventBase, VideoDetail, VideoProgressDetail } from './types.js';

let view: string | undefined;
/** Random per page view (not stored anywhere): joins a page's events without identifying anyone. */
export function viewId(): string {
  if (view) return view;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return (view = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
}

export interface ContextSource {
  showId(): string | undefined;
  /** The show's default currency. */
  currency(): string | undefined;
  product(id: string): Product | undefined;
  media(): HTMLMediaElement | null;
}

/** What an emitter knows; the rest is filled in. */
export type Known = { productId?: string | undefined; variantId?: string | undefined; cueId?: string | undefined };

/** Adds the common fields to an event detail (the emitter's own fields win). */
export type Context = <T extends Known>(detail: T) => ShowEventBase & T;

export function showContext(source: ContextSource): Context {
  return (detail) => {
    const product = detail.productId ? source.product(detail.productId) : undefined;
    const variant = detail.variantId ? product?.variants?.find((v) => v.id === detail.variantId) : undefined;
    const time = source.media()?.currentTime;
    return {
      viewId: viewId(),
      showId: source.showId() || undefined,
      productId: undefined,
      productName: product?.title,
      variantId: undefined,
      variantName: variant ? variant.title || variant.options.join(' / ') || undefined : undefined,
      price: variant?.price ?? product?.price,
      currency: product?.currency || source.currency() || undefined,
      cueId: undefined,
      mediaTime: time === undefined ? NaN : Math.round(time * 1000) / 1000,
      ...detail,
    };
  };
}

const QUARTILES = [25, 50, 75] as const;

/**
 * Video start, quartiles (video on demand), complete, and live joined, each once per source:
 * a new `src` (an `emptied` media event) starts over.
 */
export class VideoMilestones {
  private media: HTMLMediaElement | null = null;
  private started = false;
  private reached = new Set<number>();
  private completed = false;

  constructor(
    private readonly target: EventTarget,
    private readonly context: Context,
  ) {}

  attach(media: HTMLMediaElement | null): void {
    if (media === this.media) return;
    this.detach();
    this.media = media;
    for (const type of ['playing', 'timeupdate', 'ended', 'emptied']) media?.addEventListener(type, this.onMedia);
    // Playback may have started before this chunk arrived (autoplay): that was the start.
    if (media && media.played.length > 0) this.onMedia({ type: 'playing', target: media } as unknown as Event);
  }

  detach(): void {
    for (const type of ['playing', 'timeupdate', 'ended', 'emptied']) this.media?.removeEventListener(type, this.onMedia);
    this.media = null;
  }

  private readonly onMedia = (e: Event): void => {
    const media = e.target as HTMLMediaElement;
    const duration = media.duration;
    const live = duration === Infinity;
    if (e.type === 'emptied') {
      this.started = this.completed = false;
      this.reached.clear();
    } else if (e.type === 'playing' && !this.started) {
      this.started = true;
      this.emit(live ? 'sv-live-join' : 'sv-video-start', { duration, live });
    } else if (e.type === 'timeupdate' && this.started && !live && duration > 0) {
      for (const percent of QUARTILES) {
        if (!this.reached.has(percent) && media.currentTime >= (duration * percent) / 100) {
          this.reached.add(percent);
          this.emit<VideoProgressDetail>('sv-video-progress', { duration, live, percent });
        }
      }
    } else if (e.type === 'ended' && this.started && !live && !this.completed) {
      this.completed = true;
      this.emit('sv-video-complete', { duration, live });
    }
  };

  private emit<T extends VideoDetail>(type: string, detail: Omit<T, keyof ShowEventBase>): void {
    this.target.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail: this.context(detail as Known) }));
  }
}

/** Loads the sinks chunk the first time a sink is configured, and keeps it configured. */
export class SinkLoader {
  private loading: Promise<Sinks | null> | null = null;
  private version = 0;

  constructor(
    private readonly target: HTMLElement,
    private readonly context: Context,
  ) {}

  configure(settings: AnalyticsSettings): void {
    if (!this.loading && !settings.analytics && !settings.analyticsBeacon) return;
    const version = ++this.version;
    this.loading ??= import('./sinks.js').then(
      ({ Sinks }) => new Sinks(this.target, this.context),
      (err: unknown) => {
        this.loading = null; // a later change may try again
        reportError(this.target, { source: 'config', code: 'ANALYTICS_LOAD_FAILED', message: `The analytics module could not be downloaded (${String(err)}). The video still plays.`, fatal: false });
        return null;
      },
    );
    const { analytics, analyticsBeacon, analyticsConsent } = settings; // as they are now (settings may be the element)
    void this.loading.then((sinks) => version === this.version && sinks?.configure({ analytics, analyticsBeacon, analyticsConsent }));
  }

  /** Removed from the page: queued beacons leave (when allowed), listeners go. */
  dispose(): void {
    const version = ++this.version;
    void this.loading?.then((sinks) => version === this.version && sinks?.dispose());
  }
}
