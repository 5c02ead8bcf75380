/**
 * Loads the show chunk (`show-binding.ts`) when the player has a show — a `show` manifest or
 * `<shoppable-product>` children, now or later — and keeps it connected with the element.
 * Part of the initial script, so it stays small: everything else is in the chunk.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnalyticsSettings } from '../analytics/settings.js';
import type { CheckoutSettings } from '../commerce/checkout-config.js';
import { reportError } from '../internal/errors.js';
import type { Show } from '../timeline/types.js';
import type { ShowBinding } from './show-binding.js';

type Video = NonNullable<Show['video']>;

export interface ShowLoaderHost extends ReactiveControllerHost, HTMLElement, CheckoutSettings, AnalyticsSettings {
  show: string | Show | null;
  src: string;
  poster: string;
}

export class ShowLoader implements ReactiveController {
  binding: ShowBinding | null = null;
  /** Side-loaded caption tracks from the manifest's video. */
  captions: NonNullable<Video['captions']> = [];
  private loading: Promise<ShowBinding> | null = null;
  private children: MutationObserver | null = null;
  private video: HTMLVideoElement | null = null;
  private adopted: Video | null = null;

  constructor(private readonly host: ShowLoaderHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.binding) this.binding.connect(this.video);
    else if (this.hasShow) this.loadQuietly();
    else {
      // A show may arrive later as children: load the show chunk when the first one does.
      this.children = new MutationObserver(() => this.hasShow && this.loadQuietly());
      this.children.observe(this.host, { childList: true });
    }
  }

  hostDisconnected(): void {
    this.children?.disconnect();
    this.children = null;
    this.binding?.disconnect();
  }

  /** The rendered `<video>`: the cue engine follows it. */
  attach(video: HTMLVideoElement): void {
    this.video = video;
    this.binding?.connect(video);
  }

  /** The `show` property changed. */
  showChanged(): void {
    if (this.binding) void this.binding.model.setShow(this.host.show, document.baseURI);
    else if (this.host.show) this.loadQuietly();
  }

  /** The show chunk, loaded once; a failed download is reported and may be tried again. */
  load(): Promise<ShowBinding> {
    const host = this.host;
    this.loading ??= import('./show-binding.js').then(
      ({ ShowBinding }) => {
        const binding = new ShowBinding(host, { onChange: () => this.changed(), settings: () => host });
        this.binding = binding;
        void binding.model.setShow(host.show, document.baseURI); // first: the checkout waits for the show id
        if (host.isConnected) binding.connect(this.video);
        return binding;
      },
      (err: unknown) => {
        this.loading = null;
        reportError(host, { source: 'config', code: 'SHOW_LOAD_FAILED', message: `The show module could not be downloaded (${String(err)}). The video still plays.`, fatal: false });
        throw err;
      },
    );
    return this.loading;
  }

  private get hasShow(): boolean {
    return Boolean(this.host.show) || Boolean(this.host.querySelector(':scope > shoppable-product'));
  }

  private loadQuietly(): void {
    this.children?.disconnect();
    this.children = null;
    this.load().catch(() => undefined);
  }

  /** The show changed: adopt the manifest's video when the element has no src of its own. */
  private changed(): void {
    const video = this.binding?.model.manifest?.video;
    const host = this.host;
    if (video && video !== this.adopted && (!host.src || this.adopted)) {
      this.adopted = video;
      host.src = video.src;
      if (!host.poster && video.poster) host.poster = video.poster;
      this.captions = video.captions ?? [];
    }
    host.requestUpdate();
  }
}
