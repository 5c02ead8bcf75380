import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ANALYTICS_PROPERTIES, type AnalyticsSettings } from '../analytics/settings.js';
import { CHECKOUT_PROPERTIES, type CheckoutSettings } from '../commerce/checkout-config.js';
import type { CartFlow } from '../commerce/cart-flow.js';
import type { CheckoutAdapter } from '../commerce/types.js';
import { ShoppableElement } from '../internal/base-element.js';
import { cssProps } from '../internal/css-props.js';
import { reportError, type ShoppableError } from '../internal/errors.js';
import { spinKeyframes } from '../internal/styles.js';
import { ControlsController } from '../player/controls.js';
import { FullscreenController } from '../player/fullscreen.js';
import { icons } from '../player/icons.js';
import type { CaptionOption, Rendition } from '../player/pipeline.js';
import { PlaybackController } from '../player/playback.js';
import { handleMediaRequest } from '../player/request-map.js';
import { requestMedia, type MediaRequest } from '../player/requests.js';
import type { Engine } from '../player/source.js';
import { DEFAULT_STRINGS, type PlayerStrings } from '../player/strings.js';
import type { PinOptions, Timeline } from '../timeline/timeline.js';
import type { Cue, Product, Show } from '../timeline/types.js';
import { parseAspectRatio, validateAttributes } from './attributes.js';
import { ShowLoader } from './show-loader.js';
import { playerStyles } from './shoppable-video.styles.js';

const booleanDefaultTrue = {
  fromAttribute: (v: string | null) => v === null || v !== 'false',
  toAttribute: (v: boolean) => (v ? '' : 'false'),
};

const BINDING_KEYS = Object.keys({ ...CHECKOUT_PROPERTIES, ...ANALYTICS_PROPERTIES }) as Array<keyof ShoppableVideoElement>; // read by the show binding

/**
 * An HLS (or MP4) player that stays small until playback is needed: hls.js is imported only
 * on the Media Source path, and only when the player nears the viewport (or on `play()` with
 * `preload="none"`). A thin shell: playback, controls, full screen, the show and the checkout
 * are controllers (`src/player/`, `src/show/`, `src/commerce/`); it renders their state and
 * turns requests from the controls and the overlay into media calls in one place.
 *
 * @event {CustomEvent<ShoppableError>} sv-error - A failure: `{source, code, message, fatal, data}` (see docs/errors.md).
 * @event {CustomEvent<ShowLoadDetail>} sv-show-load - `{show, issues}`: a manifest was applied (`show` is null when it was refused).
 * @event {CustomEvent<ProductAppearance>} sv-product-appear - `{productId, cueId, product, cue, time}`: a product's appearance starts at the frame shown (impressions).
 * @event {CustomEvent<ProductAppearance>} sv-product-disappear - `{productId, cueId, product, cue, time}`: it ends. Cues a seek jumps over do not fire.
 * @event {Event} loadstart, loadedmetadata, loadeddata, canplay, canplaythrough, play, playing, pause, waiting, seeking, seeked, timeupdate, durationchange, progress, ratechange, volumechange, ended, emptied, stalled - A media event, re-dispatched from the element (not bubbling, like a `<video>`'s).
 * @event {CustomEvent<AddToCartDetail>} sv-add-to-cart - `checkout="events"`: add `lines`; answer with `detail.respondWith(promise)` (docs/checkout-adapters.md). @event {CustomEvent<AnswerableDetail<CartSummary>>} sv-get-cart - `checkout="events"`: read the cart; answer likewise.
 * @event {CustomEvent<HydrateDetail>} sv-hydrate - `checkout="events"`: live price and stock of `products`; answer likewise. @event {CustomEvent<Record<string, never>>} sv-open-cart - `checkout="events"`: open the cart; cancelable.
 * @event {CustomEvent<VideoDetail>} sv-video-start - Playback of a video on demand first started (docs/events.md). @event {CustomEvent<VideoProgressDetail>} sv-video-progress - A quartile (`percent` 25, 50, 75) was reached.
 * @event {CustomEvent<VideoDetail>} sv-video-complete - A video on demand played to its end. @event {CustomEvent<VideoDetail>} sv-live-join - Playback of a live stream first started.
 * @includes ShoppableOverlayElement parts, events, cssproperties - The overlay (in the shadow root): its parts are exported, its events bubble out.
 *
 * @csspart frame - The box that holds video, overlays and controls. @csspart video - The `<video>`.
 * @csspart big-play - The play button over the poster. @csspart overlay - The layer the overlay sits in.
 * @csspart controls - The control bar. @csspart play-button - Play/pause in the bar. @csspart mute-button - Mute.
 * @csspart captions-button - Captions menu. @csspart quality-button - Quality menu.
 * @csspart pip-button - Picture-in-picture. @csspart fullscreen-button - Full screen.
 * @csspart marker - A product marker on the seek bar.
 * @csspart live-badge - LIVE on a live stream. @csspart go-live-button - Back to the live edge (docs/live.md).
 * @csspart error - The error panel. @csspart mini-close - ✕ of the floating mini-player.
 *
 * @cssproperty [--sv-aspect-ratio=16 / 9] - Box ratio before media loads (or use `aspect-ratio`).
 * @cssproperty [--sv-accent=#fff] - Seek and volume bar colour.
 * @cssproperty [--sv-control-color=#fff] - Icon and text colour of the controls.
 * @cssproperty [--sv-control-background=rgb(0 0 0 / 0.55)] - Background of round buttons.
 * @cssproperty [--sv-radius=8px] - Corner radius of the player.
 * @cssproperty [--sv-font=system-ui] - Font family.
 * @cssproperty [--sv-focus-ring=#4c9ffe] - Focus outline colour.
 * @cssproperty [--sv-marker-color=#ffd54a] - Seek-bar product markers.
 *
 * @attr poster - Image shown before the first frame. @attr muted - Starts muted. @attr loop - Plays again from the start.
 * @attr crossorigin - CORS mode of the media requests (`anonymous`, `use-credentials`), as on `<video>`.
 * @slot - `<shoppable-product>` children describing the show.
 */
export class ShoppableVideoElement extends ShoppableElement implements CheckoutSettings {
  static override styles = [playerStyles, spinKeyframes];

  static override properties = {
    src: { type: String },
    poster: { type: String },
    autoplay: { type: Boolean },
    muted: { type: Boolean },
    loop: { type: Boolean },
    controls: { type: Boolean, converter: booleanDefaultTrue },
    preload: { type: String },
    crossOrigin: { type: String, attribute: 'crossorigin' },
    aspectRatio: { type: String, attribute: 'aspect-ratio' },
    captionsLang: { type: String, attribute: 'captions-lang' },
    concurrent: { type: Boolean },
    label: { type: String },
    strings: { attribute: false },
    show: { attribute: 'show' },
    locale: { type: String },
    pauseOnCard: { type: Boolean, attribute: 'pause-on-card' },
    cardLink: { type: String, attribute: 'card-link' },
    noMiniPlayer: { type: Boolean, attribute: 'no-mini-player' },
    ...CHECKOUT_PROPERTIES, ...ANALYTICS_PROPERTIES,
  };

  /** URL of an HLS playlist (.m3u8) or a video file. */
  src = '';
  poster = '';
  /** Starts playing, muted, once the player nears the viewport. */
  autoplay = false;
  muted = false;
  loop = false;
  /** The built-in controls (`controls="false"` hides them). */
  controls = true;
  /** `none`: load nothing before `play()`; `metadata` (default) / `auto`: load once near the viewport. */
  preload: 'none' | 'metadata' | 'auto' = 'metadata';
  crossOrigin: string | null = null;
  /** e.g. `16/9`, `9:16`, `1.5`. Reserves the box before any media loads. */
  aspectRatio = '';
  /** Caption language shown by default (BCP 47 prefix, e.g. `en`). */
  captionsLang = '';
  /** Keep playing when another player on the page starts. */
  concurrent = false;
  /** Accessible name of the player. */
  label = '';
  /** Replace any visible or announced string (player and overlay). */
  strings: Partial<PlayerStrings> & Record<string, string> = {};
  /**
   * The show: a manifest URL (attribute `show`), or a manifest object. Relative URLs inside a
   * manifest are resolved against the manifest's URL. `<shoppable-product>` children add to it.
   */
  show: string | Show | null = null;
  /** Locale for prices and dates (BCP 47); defaults to the page's `lang`, then the browser's. */
  locale = '';
  /** Built-in checkout adapter: `shopify`, `shopify-storefront`, `woocommerce`, `bigcommerce`, `link`, `events`. */
  checkout = '';
  /** A custom checkout adapter (takes precedence over `checkout`). */
  adapter: CheckoutAdapter | null = null;
  /** Shop domain or origin for headless adapters. */
  shop = '';
  storefrontToken = '';
  apiVersion = '';
  checkoutUrl = '';
  cartUrl = '';
  cartRoot = '';
  /** Show id for attribution; defaults to the manifest's `id`. */
  showId = '';
  /** Origins besides the page's that product, cart and checkout links may lead to (space- or comma-separated). */
  allowedOrigins = '';
  /** Pause the video while a product card is open. */
  pauseOnCard = false;
  /** What clicking a card's body does: `product` opens the product page, `none` nothing. */
  cardLink: 'product' | 'none' = 'product';
  /** Do not continue in a floating mini-player when scrolled out of view while playing. */
  noMiniPlayer = false;

  private readonly playback: PlaybackController = new PlaybackController(this);
  private readonly screen: FullscreenController = new FullscreenController(this);
  private readonly controlsUi = new ControlsController(this);
  private readonly showLoader = new ShowLoader(this);

  private focused: Element | null = null; // what had focus before an update
  /** The floating mini-player, a lazy chunk loaded when playback first starts. */
  private miniPlayer: Promise<unknown> | null = null;

  /** Resolved strings. */
  get t(): PlayerStrings {
    return { ...DEFAULT_STRINGS, ...this.strings };
  }

  // ---- state and the media element API, delegated to the controllers (defined below the class) ----

  /** Playing now (reflected: `shoppable-video[playing] { … }`). */
  declare readonly playing: boolean;
  /** Waiting for data (reflected as `loading`). */
  declare readonly loading: boolean;
  /** In full screen (reflected as `fullscreen`). */
  declare readonly fullscreen: boolean;
  /** The last fatal error, or null. */
  declare readonly error: ShoppableError | null;
  /** How the current source plays: `hls.js`, `native-hls`, `file`, or null before loading. */
  declare readonly engine: Engine | null;
  /** Seconds. Before the media has metadata, the time is kept and applied once it has. */
  declare currentTime: number;
  /** 0…1. */
  declare volume: number;
  /** Quality levels of an adaptive stream (empty for files and native HLS). */
  declare readonly renditions: Rendition[];
  /** Chosen rendition index, -1 for automatic. */
  declare rendition: number;
  declare readonly captionTracks: CaptionOption[];
  /** Showing caption track index, -1 for off. */
  declare captionTrack: number;

  /** The `<video>` inside the shadow root (read-only; for integrations and tests). */
  get media(): HTMLVideoElement | null {
    return this.playback.video;
  }
  get duration(): number {
    return this.media?.duration ?? NaN;
  }
  get paused(): boolean {
    return this.media?.paused ?? true;
  }
  get ended(): boolean {
    return this.media?.ended ?? false;
  }
  get playbackRate(): number {
    return this.media?.playbackRate ?? 1;
  }
  set playbackRate(r: number) {
    if (this.media) this.media.playbackRate = r;
  }

  /** Starts playback, loading the source first if needed. Never rejects: failures arrive as `sv-error`. */
  play(): Promise<void> {
    return this.playback.play();
  }
  pause(): void {
    this.playback.pause();
  }
  /** Reloads the source after a fatal error, resuming where it stopped. */
  retry(): void {
    this.playback.retry();
  }
  togglePlay(): void {
    this.playback.togglePlay();
  }
  toggleMute(): void {
    this.playback.toggleMute();
  }
  /** Captions on/off: turns on the default language (or the first track), or off. */
  toggleCaptions(): void {
    this.playback.toggleCaptions();
  }
  /** Fullscreen on the host, so overlays stay visible. iPhone falls back to the video's own. */
  toggleFullscreen(): Promise<void> {
    return this.screen.toggleFullscreen();
  }
  togglePictureInPicture(): Promise<void> {
    return this.screen.togglePip();
  }

  // ---- show API (the show is a lazy chunk) ----

  /** The show's timeline (all cue sources merged), once a show is present. */
  get timeline(): Timeline | null {
    return this.showLoader.binding?.model.timeline ?? null;
  }
  /** Every product of the show, with live store data where the checkout provides it. */
  get products(): ReadonlyMap<string, Product> {
    return this.showLoader.binding?.products ?? new Map();
  }
  /** The cues active now. */
  get activeCues(): readonly Cue[] {
    return this.showLoader.binding?.model.active ?? [];
  }
  /** The checkout flow, once a checkout is configured and loaded. */
  get flow(): CartFlow | null {
    return this.showLoader.binding?.checkout.flow ?? null;
  }
  /** The overlay element (product cards, hotspots, list), once loaded. */
  get overlay(): HTMLElement | null {
    return this.renderRoot.querySelector?.('shoppable-overlay') ?? null;
  }
  /** Pins a product from code (e.g. a live host's "show this now"); resolves to the cue id, rejects on invalid options. */
  async pin(productId: string, options?: PinOptions): Promise<string> {
    return (await this.showLoader.load()).model.pin(productId, options);
  }
  /** Removes a pin by cue id, or every pin of a product. Resolves to whether any was removed. */
  async unpin(productIdOrCueId: string): Promise<boolean> {
    return (await this.showLoader.load()).model.unpin(productIdOrCueId);
  }

  // ---- lifecycle ----

  protected override firstUpdated(): void {
    const video = this.renderRoot.querySelector('video')!;
    this.screen.attach(video);
    this.playback.attach(video);
    this.showLoader.attach(video);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.focused = this.shadowRoot?.activeElement ?? null;
    if (!this.hasUpdated) this.playback.muted = this.muted || this.autoplay; // rendered from the first frame
    validateAttributes(this, changed, (error) => reportError(this, error));
    if (changed.has('src') && this.hasUpdated) this.playback.sourceChanged();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const video = this.media!;
    // A focused control that went away (the big play button once playing, Try again) hands focus
    // to the bar's play button, or the frame: never to the page's <body>.
    const root = this.renderRoot;
    if (this.focused && !this.focused.isConnected) (root.querySelector<HTMLElement>('[part="play-button"]') ?? root.querySelector<HTMLElement>('.frame'))!.focus();
    for (const state of ['playing', 'loading', 'fullscreen'] as const) this.toggleAttribute(state, this[state]);
    this.miniPlayer ??= this.playing && !this.noMiniPlayer ? import('../player/mini-player.js').then((m) => new m.MiniPlayerController(this), () => undefined) : null;
    if (changed.has('muted') && changed.get('muted') !== undefined) this.playback.setMuted(this.muted);
    if (changed.has('loop')) video.loop = this.loop;
    if (changed.has('src') || changed.has('preload') || changed.has('autoplay')) this.playback.load();
    if (changed.has('show')) this.showLoader.showChanged(); // also a show set after connecting, before the first update (React, Vue…)
    if (BINDING_KEYS.some((p) => changed.has(p))) this.showLoader.binding?.configure();
    this.showLoader.binding?.checkout.setNear(this.playback.near || this.playing); // the store is asked only for players near the viewport
  }

  private readonly onRequest = (e: CustomEvent<MediaRequest>): void => {
    e.stopPropagation(); // internal: the page sees media events, not requests
    handleMediaRequest(e.detail, this.playback, this.screen);
  };

  // ---- render ----

  protected override render(): TemplateResult {
    const { t, playback: p, controls } = this;
    const ratio = parseAspectRatio(this.aspectRatio);
    const binding = this.showLoader.binding;
    const ask = (request: MediaRequest) => (e: Event) => requestMedia(e.currentTarget!, request);
    return html`
      <div
        class="frame"
        part="frame"
        role="region"
        aria-label=${this.label || t.player}
        tabindex="-1"
        ${cssProps(ratio ? { '--sv-aspect-ratio': ratio } : {})}
        @sv-media-request=${this.onRequest}
        @keydown=${this.controlsUi.onKeydown}
        @pointermove=${this.controlsUi.activity}
        @focusout=${this.controlsUi.onFocusOut}
      >
        <video part="video" playsinline webkit-playsinline preload="none" poster=${this.poster || nothing} @click=${ask({ type: 'toggle-play' })}>
          ${this.showLoader.captions.map((c) => html`<track kind="subtitles" src=${c.src} srclang=${c.srclang} label=${c.label || c.srclang} ?default=${c.default}></track>`)}
        </video>
        ${p.loading && !p.error ? html`<div class="spinner" role="status" aria-label=${t.loading}></div>` : nothing}
        ${!p.started && !p.playing && !p.loading && !p.error && controls
          ? html`<button class="big-play" part="big-play" aria-label=${t.playVideo} @click=${ask({ type: 'toggle-play' })}>${icons.play}</button>`
          : nothing}
        ${controls && !p.error
          ? this.controlsUi.render({ t, playback: p, screen: this.screen, markers: binding ? (max) => binding.markers.render(t, binding.model.timeline.cues, binding.model.timeline.products, max) : undefined })
          : nothing}
        <!-- After the controls in the DOM, so Tab goes controls → hotspots → card → list;
             it stays clear of the control bar (--sv-controls-height). -->
        <div class="overlay" part="overlay">${binding?.overlayLoaded ? this.renderOverlay() : nothing}</div>
        ${p.error
          ? html`<div class="error" part="error" role="alert">
              <strong>${t.errorTitle}</strong>
              <p>${p.error.message}</p>
              <button @click=${ask({ type: 'retry' })}>${t.retry}</button>
            </div>`
          : nothing}
      </div>
      <slot hidden></slot>
    `;
  }

  /** The overlay layer: product hotspots, cards and list (a lazy chunk, loaded with the show). */
  protected renderOverlay(): unknown {
    const { model, checkout, context } = this.showLoader.binding!;
    const p = this.playback;
    return html`<shoppable-overlay
      ${cssProps({ '--sv-controls-height': this.controls && !p.error ? 'var(--_bar)' : '0px' })}
      .frames=${model}
      .paused=${this.paused} .pauseOnCard=${this.pauseOnCard}
      .cardLink=${this.cardLink}
      .allowedOrigins=${this.allowedOrigins}
      .videoRatio=${p.videoRatio}
      .seekable=${Number.isFinite(p.duration)}
      .products=${this.products}
      .cues=${model.timeline.cues}
      .active=${model.active}
      .flow=${checkout.flow}
      .checkout=${Boolean(this.checkout || this.adapter)}
      .currency=${model.manifest?.currency ?? ''} .context=${context}
      .locale=${this.locale || document.documentElement.lang || navigator.language}
      .strings=${this.strings}
    ></shoppable-overlay>`;
  }
}

/** The analytics attributes (`analytics`, `analytics-beacon`, `analytics-consent`): lit properties declared in ANALYTICS_PROPERTIES. */
export interface ShoppableVideoElement extends AnalyticsSettings {}

/** One accessor per delegated property: `element[name]` reads and writes `element[controller][name]`. */
for (const [controller, names] of [
  ['playback', ['playing', 'loading', 'error', 'engine', 'currentTime', 'volume', 'renditions', 'rendition', 'captionTracks', 'captionTrack']],
  ['screen', ['fullscreen']],
] as const) {
  for (const name of names) {
    Object.defineProperty(ShoppableVideoElement.prototype, name, {
      get(this: Record<string, Record<string, unknown>>) {
        return this[controller]![name];
      },
      set(this: Record<string, Record<string, unknown>>, value: unknown) {
        this[controller]![name] = value;
      },
      configurable: true,
    });
  }
}

export { parseAspectRatio };

declare global {
  interface HTMLElementTagNameMap {
    'shoppable-video': ShoppableVideoElement;
  }
}
