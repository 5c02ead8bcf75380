import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { cssProps } from '../internal/css-props.js';
import { ShoppableElement } from '../internal/base-element.js';
import { ERROR_EVENT, type ShoppableError } from '../internal/errors.js';
import { spinKeyframes } from '../internal/styles.js';
import { fetchTimed } from '../player/fetch-timed.js';
import { loadHls } from '../player/hls-loader.js';
import { MiniPlayerController, miniPlayerStyles } from '../player/mini-player.js';
import { onceOnline } from '../player/online.js';
import type { CaptionOption, MediaPipeline, Rendition } from '../player/pipeline.js';
import { chooseEngine, resolveSrc, type Engine } from '../player/source.js';
import type { CartFlow } from '../commerce/cart-flow.js';
import type { AdapterConfig, CheckoutAdapter } from '../commerce/types.js';
import type { PinOptions } from '../timeline/timeline.js';
import type { Cue, Product, Show } from '../timeline/types.js';
import { icons } from './icons.js';
import type { ShowController } from './show-controller.js';
import { playerStyles } from './shoppable-video.styles.js';
import { DEFAULT_STRINGS, fill, formatTime, type PlayerStrings } from './strings.js';

/** Media events re-dispatched from the host, so the element can be used like a media element. */
const MEDIA_EVENTS = [
  'loadstart', 'loadedmetadata', 'loadeddata', 'canplay', 'canplaythrough', 'play', 'playing',
  'pause', 'waiting', 'seeking', 'seeked', 'timeupdate', 'durationchange', 'progress',
  'ratechange', 'volumechange', 'ended', 'emptied', 'stalled',
] as const;

const COMMERCE_PROPS = ['checkout', 'adapter', 'shop', 'storefrontToken', 'apiVersion', 'checkoutUrl', 'cartUrl', 'cartRoot', 'showId'] as const;

/** How close to the viewport (CSS margin) the player may start loading. */
const NEAR_PX = 300;
const NEAR_VIEWPORT = `${NEAR_PX}px 0px`;
const IDLE_MS = 2500;

/** Players on the page, for "starting one pauses the others". */
const players = new Set<ShoppableVideoElement>();

const booleanDefaultTrue = {
  fromAttribute: (v: string | null) => v === null || v !== 'false',
  toAttribute: (v: boolean) => (v ? '' : 'false'),
};

type Menu = 'captions' | 'quality' | null;

/**
 * An HLS (or MP4) player that stays small until playback is needed: hls.js is imported only
 * on the Media Source path, and only when the player nears the viewport (or on `play()` with
 * `preload="none"`).
 *
 * @event sv-error - A failure: `detail` is `{source, code, message, fatal, data}` (see docs/errors.md).
 * @event loadedmetadata, play, pause, playing, timeupdate, … - The media events, re-dispatched from the host.
 *
 * @csspart frame - The box that holds video, overlays and controls.
 * @csspart video - The `<video>`.
 * @csspart controls - The control bar.
 * @csspart error - The error panel.
 *
 * @cssproperty --sv-aspect-ratio - Box ratio before media loads (default 16 / 9; or use `aspect-ratio`).
 * @cssproperty --sv-accent - Seek and volume bar colour.
 * @cssproperty --sv-control-color - Icon and text colour of the controls.
 * @cssproperty --sv-control-background - Background of round buttons.
 * @cssproperty --sv-radius - Corner radius of the player.
 * @cssproperty --sv-font - Font family.
 * @cssproperty --sv-focus-ring - Focus outline colour.
 *
 * @slot - `<shoppable-product>` children describing the show.
 */
export class ShoppableVideoElement extends ShoppableElement {
  static override styles = [playerStyles, spinKeyframes, miniPlayerStyles];

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
    checkout: { type: String },
    adapter: { attribute: false },
    shop: { type: String },
    storefrontToken: { type: String, attribute: 'storefront-token' },
    apiVersion: { type: String, attribute: 'api-version' },
    checkoutUrl: { type: String, attribute: 'checkout-url' },
    cartUrl: { type: String, attribute: 'cart-url' },
    cartRoot: { type: String, attribute: 'cart-root' },
    showId: { type: String, attribute: 'show-id' },
    pauseOnCard: { type: Boolean, attribute: 'pause-on-card' },
    cardLink: { type: String, attribute: 'card-link' },
    noMiniPlayer: { type: Boolean, attribute: 'no-mini-player' },
    // Reflected state, for styling: shoppable-video[playing] { … }
    playing: { type: Boolean, reflect: true },
    loading: { type: Boolean, reflect: true },
    error: { attribute: false },
    fullscreen: { type: Boolean, reflect: true },
    idle: { type: Boolean, reflect: true },
    _time: { state: true },
    _duration: { state: true },
    _volume: { state: true },
    _isMuted: { state: true },
    _started: { state: true },
    _menu: { state: true },
    _tracksVersion: { state: true },
    _pip: { state: true },
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
  /** Pause the video while a product card is open. */
  pauseOnCard = false;
  /** What clicking a card's body does: `product` opens the product page, `none` nothing. */
  cardLink: 'product' | 'none' = 'product';
  /** Do not continue in a floating mini-player when scrolled out of view while playing. */
  noMiniPlayer = false;

  constructor() {
    super();
    new MiniPlayerController(this);
  }

  playing = false;
  loading = false;
  fullscreen = false;
  idle = false;
  /** The last fatal error, or null. */
  error: ShoppableError | null = null;

  private _time = 0;
  private _duration = NaN;
  private _volume = 1;
  private _isMuted = false;
  private _started = false;
  private _menu: Menu = null;
  private _tracksVersion = 0;
  private _pip = false;

  private video: HTMLVideoElement | null = null;
  private pipeline: MediaPipeline | null = null;
  /** Identifies the current load; a stale async step compares and gives up. */
  private loadToken: object | null = null;
  private loadAbort: AbortController | null = null;
  private loadedSrc: string | null = null;
  private near = false;
  private playRequested = false;
  private resumeAt = 0;
  private observer: IntersectionObserver | null = null;
  private idleTimer = 0;
  private showController: ShowController | null = null;
  private showLoading: Promise<ShowController> | null = null;
  private childObserver: MutationObserver | null = null;
  private adoptedSrc = false;

  /** Resolved strings. */
  get t(): PlayerStrings {
    return { ...DEFAULT_STRINGS, ...this.strings };
  }

  // ---- media element API -------------------------------------------------------------

  /** The `<video>` inside the shadow root (read-only; for integrations and tests). */
  get media(): HTMLVideoElement | null {
    return this.video;
  }

  /** How the current source plays: `hls.js`, `native-hls`, `file`, or null before loading. */
  get engine(): Engine | null {
    return this.pipeline?.engine ?? null;
  }

  get currentTime(): number {
    return this.pendingSeek ?? this.video?.currentTime ?? this.resumeAt;
  }

  /** Before the media has metadata, the time is kept and applied once it has. */
  set currentTime(t: number) {
    const video = this.video;
    if (!video || !this.loadedSrc) this.resumeAt = t;
    else if (video.readyState < HTMLMediaElement.HAVE_METADATA) this.pendingSeek = t;
    else video.currentTime = t;
  }

  private pendingSeek: number | null = null;

  get duration(): number {
    return this.video?.duration ?? NaN;
  }

  get paused(): boolean {
    return this.video?.paused ?? true;
  }

  get ended(): boolean {
    return this.video?.ended ?? false;
  }

  get volume(): number {
    return this._volume;
  }

  set volume(v: number) {
    this._volume = Math.min(1, Math.max(0, v));
    if (this.video) this.video.volume = this._volume;
  }

  get playbackRate(): number {
    return this.video?.playbackRate ?? 1;
  }

  set playbackRate(r: number) {
    if (this.video) this.video.playbackRate = r;
  }

  /** Quality levels of an adaptive stream (empty for files and native HLS). */
  get renditions(): Rendition[] {
    return this.pipeline?.renditions ?? [];
  }

  /** Chosen rendition index, -1 for automatic. */
  get rendition(): number {
    return this.pipeline?.rendition ?? -1;
  }

  set rendition(index: number) {
    if (this.pipeline) this.pipeline.rendition = index;
    this._tracksVersion++;
  }

  get captionTracks(): CaptionOption[] {
    return this.pipeline?.captions ?? [];
  }

  /** Showing caption track index, -1 for off. */
  get captionTrack(): number {
    return this.pipeline?.caption ?? -1;
  }

  set captionTrack(index: number) {
    if (this.pipeline) this.pipeline.caption = index;
  }

  /**
   * Starts playback, loading the source first if needed. Unlike HTMLMediaElement.play() it
   * never rejects: a failure is reported once, as an `sv-error` event and on screen.
   */
  async play(): Promise<void> {
    this.playRequested = true;
    this.maybeLoad();
    const video = this.video;
    if (!video || !this.loadedSrc) return;
    if (!this.playing && !this.error) this.loading = true;
    try {
      await video.play();
    } catch (err) {
      // Browsers refuse unmuted playback without a gesture: retry muted rather than fail.
      if (err instanceof DOMException && err.name === 'NotAllowedError' && !video.muted) {
        this.setMuted(true);
        await video.play().catch(() => (this.playRequested = false));
      }
      // Other rejections (source errors, a pause() meanwhile) surface through media events.
    }
  }

  pause(): void {
    this.playRequested = false;
    this.video?.pause();
  }

  /** Reloads the source after a fatal error, resuming where it stopped. */
  retry(): void {
    const wasPlaying = this.playRequested;
    this.resumeAt = this.video?.currentTime || this.resumeAt;
    this.teardownPipeline();
    this.error = null;
    if (wasPlaying) void this.play();
    else this.maybeLoad(true);
  }

  // ---- show API ----------------------------------------------------------------------

  /** The show's timeline (all cue sources merged), once a show is present. */
  get timeline() {
    return this.showController?.timeline ?? null;
  }

  /** Every product of the show, with live store data where the checkout provides it. */
  get products(): ReadonlyMap<string, Product> {
    return this.showController?.products ?? new Map();
  }

  /** The cues active now. */
  get activeCues(): readonly Cue[] {
    return this.showController?.active ?? [];
  }

  /** The checkout flow, once a checkout is configured and loaded. */
  get flow(): CartFlow | null {
    return this.showController?.flow ?? null;
  }

  /** The overlay element (product cards, hotspots, list), once loaded. */
  get overlay(): OverlayHandle | null {
    return this.overlayEl;
  }

  private overlayEl: OverlayHandle | null = null;

  /**
   * Pins a product on the timeline from code (e.g. a live host's "show this now" button).
   * Resolves to the new cue's id; rejects with a TypeError on invalid options.
   */
  async pin(productId: string, options?: PinOptions): Promise<string> {
    return (await this.ensureShow()).pin(productId, options);
  }

  /** Removes a pin by cue id, or every pin of a product. Resolves to whether any was removed. */
  async unpin(productIdOrCueId: string): Promise<boolean> {
    return (await this.ensureShow()).unpin(productIdOrCueId);
  }

  private ensureShow(): Promise<ShowController> {
    this.showLoading ??= import('./show-controller.js').then(
      ({ ShowController }) => {
        const controller = new ShowController(this);
        this.showController = controller;
        void controller.setShow(this.show, document.baseURI); // first: the checkout waits for the show id
        if (this.isConnected) controller.connect();
        return controller;
      },
      (err: unknown) => {
        this.showLoading = null; // a later call may try again
        const error: ShoppableError = {
          source: 'config',
          code: 'SHOW_LOAD_FAILED',
          message: `The show module could not be downloaded (${String(err)}). The video still plays.`,
          fatal: false,
        };
        console.warn(`[shoppable-video] ${error.message}`);
        this.emit<ShoppableError>(ERROR_EVENT, error);
        throw err;
      },
    );
    return this.showLoading;
  }

  /** Loads the show module for the element's own needs; a failure is reported as sv-error. */
  private loadShow(): void {
    this.ensureShow().catch(() => undefined);
  }

  private get hasShow(): boolean {
    return Boolean(this.show) || Boolean(this.querySelector(':scope > shoppable-product'));
  }

  /** @internal the show controller adopts the manifest's video when the element has no src. */
  adoptVideo(video: NonNullable<Show['video']>): void {
    // The element's own src wins; the manifest's video (with its captions) is used otherwise.
    if (this.src && !this.adoptedSrc) return;
    this.adoptedSrc = true;
    this.src = video.src;
    if (!this.poster && video.poster) this.poster = video.poster;
    this.sideTracks = video.captions ?? [];
  }

  private sideTracks: NonNullable<NonNullable<Show['video']>['captions']> = [];

  /** @internal per-frame positions of moving hotspots. */
  framePositions(positions: ReadonlyMap<Cue, { x: number; y: number }>): void {
    this.overlayEl?.setPositions?.(positions);
  }

  /** @internal what the checkout adapters are built from. */
  commerceConfig(): { checkout: string; adapter: CheckoutAdapter | null; config: AdapterConfig } {
    const manifestId = this.showController?.manifest?.id;
    const config: AdapterConfig = { eventTarget: this };
    const fields: Array<[keyof AdapterConfig, string | undefined]> = [
      ['shop', this.shop],
      ['storefrontToken', this.storefrontToken],
      ['apiVersion', this.apiVersion],
      ['checkoutUrl', this.checkoutUrl],
      ['cartUrl', this.cartUrl],
      ['cartRoot', this.cartRoot],
      ['showId', this.showId || manifestId],
    ];
    for (const [k, v] of fields) if (v) (config as Record<string, unknown>)[k] = v;
    return { checkout: this.checkout, adapter: this.adapter, config };
  }

  private get resolvedLocale(): string {
    return this.locale || document.documentElement.lang || navigator.language;
  }

  // ---- lifecycle ---------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    players.add(this);
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    document.addEventListener('webkitfullscreenchange', this.onFullscreenChange);
    if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver(this.onIntersect, { rootMargin: NEAR_VIEWPORT });
      this.observer.observe(this);
    } else {
      this.near = true;
    }
    if (this.hasUpdated) this.maybeLoad();
    if (this.showController) this.showController.connect();
    else if (this.hasShow) this.loadShow();
    else {
      // A show may arrive later as children: load the show chunk when the first one does.
      this.childObserver = new MutationObserver(() => {
        if (!this.hasShow) return;
        this.childObserver?.disconnect();
        this.childObserver = null;
        this.loadShow();
      });
      this.childObserver.observe(this, { childList: true });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    players.delete(this);
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    document.removeEventListener('webkitfullscreenchange', this.onFullscreenChange);
    this.observer?.disconnect();
    this.observer = null;
    this.childObserver?.disconnect();
    this.childObserver = null;
    this.showController?.disconnect();
    this.near = false;
    clearTimeout(this.idleTimer);
    this.resumeAt = this.video?.currentTime || this.resumeAt;
    this.offOnline?.();
    this.offOnline = null;
    this.teardownPipeline();
    this.playing = false;
    this.loading = false;
  }

  protected override firstUpdated(): void {
    const video = this.renderRoot.querySelector('video')!;
    this.video = video;
    for (const type of MEDIA_EVENTS) video.addEventListener(type, this.onMediaEvent);
    video.volume = this._volume;
    video.muted = this._isMuted;
    // Already in view at start-up: begin now rather than a frame later, when the observer reports.
    const box = this.getBoundingClientRect();
    if (box.height && box.top < innerHeight + NEAR_PX && box.bottom > -NEAR_PX && box.left < innerWidth && box.right > 0) this.near = true;
    this.maybeLoad();
    this.showController?.connect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) this._isMuted = this.muted || this.autoplay;
    if (changed.has('aspectRatio') && this.aspectRatio && !parseAspectRatio(this.aspectRatio)) {
      this.configError('aspect-ratio', this.aspectRatio, 'a ratio such as "16/9", "9:16" or "1.5"');
    }
    if (changed.has('locale') && this.locale && !isLocale(this.locale)) {
      this.configError('locale', this.locale, 'a BCP 47 language tag such as "en-US" or "de"; using the page\'s language');
      this.locale = '';
    }
    if (changed.has('cardLink') && !['product', 'none'].includes(this.cardLink)) {
      this.configError('card-link', this.cardLink, '"product" or "none"; using "product"');
      this.cardLink = 'product';
    }
    if (changed.has('preload') && !['none', 'metadata', 'auto'].includes(this.preload)) {
      this.configError('preload', this.preload, '"none", "metadata" or "auto"; using "metadata"');
      this.preload = 'metadata';
    }
    if (changed.has('src') && this.hasUpdated) {
      // A new source: tear down the old pipeline (its late callbacks become no-ops).
      this.resumeAt = 0;
      this.error = null;
      this._started = false;
      this.teardownPipeline();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.overlayEl = this.renderRoot.querySelector('shoppable-overlay');
    const video = this.video;
    if (!video) return;
    if (changed.has('muted') && changed.get('muted') !== undefined) this.setMuted(this.muted);
    if (changed.has('loop')) video.loop = this.loop;
    if (changed.has('src') || changed.has('preload') || changed.has('autoplay')) this.maybeLoad();
    if (changed.has('show') && changed.get('show') !== undefined) {
      if (this.showController) void this.showController.setShow(this.show, document.baseURI);
      else if (this.show) this.loadShow();
    }
    if (COMMERCE_PROPS.some((p) => changed.has(p))) this.showController?.updateCheckout();
  }

  // ---- loading -----------------------------------------------------------------------

  private maybeLoad(force = false): void {
    const video = this.video;
    if (!video || !this.isConnected || this.loadedSrc !== null || this.error) return;
    if (!this.src) return;
    const wanted = this.playRequested || force || (this.near && (this.preload !== 'none' || this.autoplay));
    if (!wanted) return;

    const resolved = resolveSrc(this.src, document.baseURI);
    if ('error' in resolved) {
      this.fail({ source: 'media', code: 'MEDIA_SRC_INVALID', message: resolved.error, fatal: true, data: { src: this.src } });
      return;
    }
    this.loadedSrc = resolved.url;
    video.preload = this.preload === 'auto' || this.playRequested ? 'auto' : 'metadata';
    const url = resolved.url;
    const token = (this.loadToken = {});
    const abort = (this.loadAbort = new AbortController());
    // The playback module is a lazy chunk: start the master playlist request alongside it,
    // so it costs no extra round trip,
    const hls = chooseEngine(url) === 'hls.js';
    const master = hls ? fetchTimed(url, false, abort.signal) : undefined;
    master?.catch(() => undefined); // a failure is re-requested, and reported, by hls.js
    // hls.js too: the pipeline chunk would only ask for it one round trip later.
    if (hls) loadHls().catch(() => undefined); // a failure is reported by the pipeline
    import('../player/pipeline.js').then(
      ({ MediaPipeline }) => {
        if (this.loadToken !== token) return;
        const pipeline = new MediaPipeline(video, {
          onError: (e) => {
            if (this.pipeline === pipeline) this.fail(e);
          },
          onTracks: () => {
            if (this.pipeline === pipeline) this._tracksVersion++;
          },
        });
        this.pipeline = pipeline;
        return pipeline
          .load(url, { startTime: this.resumeAt, crossOrigin: this.crossOrigin, captionsLang: this.captionsLang, master, abort })
          .then(() => {
            if (this.pipeline !== pipeline) return;
            if (this.playRequested || this.autoplay) {
              this.playRequested = true;
              void this.play();
            }
          });
      },
      (err: unknown) => {
        if (this.loadToken !== token) return;
        this.fail({
          source: 'media',
          code: 'MEDIA_HLS_LOAD_FAILED',
          message: 'The playback module could not be downloaded. Check the connection and retry.',
          fatal: true,
          data: { reason: String(err) },
        });
      },
    );
  }

  private teardownPipeline(): void {
    this.stopLoading();
    this.loadedSrc = null;
    this._duration = NaN;
    this._time = this.resumeAt;
  }

  private stopLoading(): void {
    if (this.pendingSeek !== null) this.resumeAt = this.pendingSeek;
    this.pendingSeek = null;
    this.loadToken = null;
    this.loadAbort?.abort();
    this.loadAbort = null;
    this.pipeline?.destroy();
    this.pipeline = null;
  }

  /** Removes the `online` listener armed by a fatal network error. */
  private offOnline: (() => void) | null = null;

  private fail(error: ShoppableError): void {
    this.offOnline?.();
    // A network failure resumes by itself when the connection comes back (if still failed).
    this.offOnline = /^MEDIA_(NETWORK|HLS_LOAD_FAILED)$/.test(error.code) ? onceOnline(() => this.error === error && this.retry()) : null;
    this.error = error;
    this.loading = false;
    this.playing = false;
    this.resumeAt = this.video?.currentTime || this.resumeAt;
    this.stopLoading();
    this.loadedSrc = null;
    console.error(`[shoppable-video] ${error.code}: ${error.message}`);
    this.emit<ShoppableError>(ERROR_EVENT, error);
  }

  /** A bad attribute: reported, not fatal; the player falls back to the default. */
  private configError(attribute: string, value: string, expected: string): void {
    const error: ShoppableError = {
      source: 'config',
      code: 'CONFIG_INVALID',
      message: `<shoppable-video ${attribute}="${value}">: expected ${expected}.`,
      fatal: false,
      data: { attribute, value },
    };
    console.warn(`[shoppable-video] ${error.message}`);
    this.emit<ShoppableError>(ERROR_EVENT, error);
  }

  // ---- events ------------------------------------------------------------------------

  private readonly onIntersect = (entries: IntersectionObserverEntry[]): void => {
    const entry = entries[entries.length - 1];
    if (!entry?.isIntersecting) return;
    this.near = true;
    this.maybeLoad();
  };

  private readonly onMediaEvent = (e: Event): void => {
    const video = this.video!;
    if (!this.loadedSrc && e.type !== 'emptied') return;
    switch (e.type) {
      case 'play':
        this._started = true;
        if (!this.concurrent) for (const p of players) if (p !== this && !p.concurrent) p.pause();
        break;
      case 'playing':
        this.playing = true;
        this.loading = false;
        this.scheduleIdle();
        break;
      case 'pause':
      case 'ended':
        this.playing = false;
        this.idle = false;
        break;
      case 'waiting':
        this.loading = true;
        break;
      case 'canplay':
      case 'seeked':
        this.loading = false;
        break;
      case 'timeupdate':
      case 'seeking':
        this._time = video.currentTime;
        break;
      case 'loadedmetadata':
        if (this.pendingSeek !== null) video.currentTime = this.pendingSeek;
        this.pendingSeek = null;
        this._duration = video.duration;
        break;
      case 'durationchange':
        this._duration = video.duration;
        break;
      case 'volumechange':
        this._volume = video.volume;
        this._isMuted = video.muted;
        break;
    }
    this.dispatchEvent(new Event(e.type));
  };

  private readonly onFullscreenChange = (): void => {
    const d = document as Document & { webkitFullscreenElement?: Element | null };
    this.fullscreen = (d.fullscreenElement ?? d.webkitFullscreenElement) === this;
  };

  // ---- actions -----------------------------------------------------------------------

  private setMuted(muted: boolean): void {
    this._isMuted = muted;
    if (this.video) this.video.muted = muted;
  }

  togglePlay(): void {
    if (this.paused || this.ended) void this.play();
    else this.pause();
  }

  toggleMute(): void {
    this.setMuted(!this._isMuted);
    if (!this._isMuted && this._volume === 0) this.volume = 0.5;
  }

  /** Fullscreen on the host, so overlays stay visible. iPhone falls back to the video's own. */
  async toggleFullscreen(): Promise<void> {
    const d = document as Document & { webkitFullscreenElement?: Element; webkitExitFullscreen?: () => void };
    const host = this as HTMLElement & { webkitRequestFullscreen?: () => void };
    if (this.fullscreen) {
      if (d.exitFullscreen) await d.exitFullscreen().catch(() => undefined);
      else d.webkitExitFullscreen?.();
    } else if (host.requestFullscreen) {
      await host.requestFullscreen().catch(() => undefined);
    } else if (host.webkitRequestFullscreen) {
      host.webkitRequestFullscreen();
    } else {
      (this.video as HTMLVideoElement & { webkitEnterFullscreen?: () => void })?.webkitEnterFullscreen?.();
    }
  }

  async togglePictureInPicture(): Promise<void> {
    const video = this.video;
    if (!video) return;
    try {
      if (document.pictureInPictureElement === video) await document.exitPictureInPicture();
      else await video.requestPictureInPicture();
    } catch {
      /* refused by the browser (no gesture, disabled): nothing to undo */
    }
  }

  /** Captions on/off: turns on the default language (or the first track), or off. */
  toggleCaptions(): void {
    const tracks = this.captionTracks;
    if (!tracks.length) return;
    if (this.captionTrack >= 0) {
      this.captionTrack = -1;
      return;
    }
    const lang = this.captionsLang.toLowerCase();
    const preferred = tracks.find((t) => lang && t.lang.toLowerCase().startsWith(lang)) ?? tracks[0]!;
    this.captionTrack = preferred.index;
  }

  private seekBy(delta: number): void {
    const video = this.video;
    if (!video || !this.loadedSrc) return;
    const end = Number.isFinite(video.duration) ? video.duration : video.seekable.length ? video.seekable.end(video.seekable.length - 1) : 0;
    video.currentTime = Math.min(end, Math.max(0, video.currentTime + delta));
  }

  private scheduleIdle(): void {
    this.idle = false;
    clearTimeout(this.idleTimer);
    if (this.playing) this.idleTimer = window.setTimeout(() => (this.idle = !this._menu), IDLE_MS);
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.composedPath()[0] as HTMLElement;
    const inRange = target instanceof HTMLInputElement;
    const onButton = target instanceof HTMLButtonElement;
    this.scheduleIdle();
    if (e.key === 'Escape' && this._menu) {
      const menu = this._menu;
      this._menu = null;
      e.preventDefault();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-menu="${menu}"]`)?.focus());
      return;
    }
    if (this._menu && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      const items = Array.from(this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitemradio"]'));
      const i = items.indexOf(target);
      items[(i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
      e.preventDefault();
      return;
    }
    if (target.classList?.contains('marker') && ['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
      this.moveMarkerFocus(target, e.key);
      e.preventDefault();
      return;
    }
    let handled = true;
    switch (e.key) {
      case ' ':
        if (onButton || inRange) return;
        this.togglePlay();
        break;
      case 'k':
        this.togglePlay();
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (inRange) return; // the slider moves itself
        this.seekBy(e.key === 'ArrowLeft' ? -5 : 5);
        break;
      case 'ArrowUp':
      case 'ArrowDown':
        if (inRange) return;
        this.volume = this._volume + (e.key === 'ArrowUp' ? 0.1 : -0.1);
        if (this._isMuted && e.key === 'ArrowUp') this.setMuted(false);
        break;
      case 'm':
        this.toggleMute();
        break;
      case 'f':
        void this.toggleFullscreen();
        break;
      case 'c':
        this.toggleCaptions();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  private toggleMenu(menu: Exclude<Menu, null>): void {
    this._menu = this._menu === menu ? null : menu;
    if (this._menu) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="menuitemradio"][aria-checked="true"]')?.focus());
  }

  private readonly onFocusOut = (e: FocusEvent): void => {
    const next = e.relatedTarget as Node | null;
    if (this._menu && (!next || !this.renderRoot.querySelector('[role="menu"]')?.parentElement?.contains(next))) this._menu = null;
  };

  // ---- render ------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const t = this.t;
    const ratio = parseAspectRatio(this.aspectRatio);
    const showControls = this.controls && !this.error;
    return html`
      <div
        class="frame"
        part="frame"
        role="region"
        aria-label=${this.label || t.player}
        tabindex="-1"
        ${cssProps(ratio ? { '--sv-aspect-ratio': ratio } : {})}
        @keydown=${this.onKeydown}
        @pointermove=${this.scheduleIdle}
        @focusout=${this.onFocusOut}
      >
        <video
          part="video"
          playsinline
          webkit-playsinline
          preload="none"
          poster=${this.poster || nothing}
          @click=${this.togglePlay}
          @enterpictureinpicture=${() => (this._pip = true)}
          @leavepictureinpicture=${() => (this._pip = false)}
        >
          ${this.sideTracks.map((t) => html`<track kind="subtitles" src=${t.src} srclang=${t.srclang} label=${t.label || t.srclang} ?default=${t.default}></track>`)}
        </video>
        ${this.loading && !this.error ? html`<div class="spinner" role="status" aria-label=${t.loading}></div>` : nothing}
        ${!this._started && !this.playing && !this.loading && !this.error && this.controls
          ? html`<button class="big-play" part="big-play" aria-label=${t.playVideo} @click=${this.togglePlay}>${icons.play}</button>`
          : nothing}
        ${showControls ? this.renderControls(t) : nothing}
        <!-- After the controls in the DOM, so Tab goes controls → hotspots → card → list;
             it stays clear of the control bar (--sv-controls-height). -->
        <div class="overlay" part="overlay">${this.renderOverlay()}</div>
        ${this.error
          ? html`<div class="error" part="error" role="alert">
              <strong>${t.errorTitle}</strong>
              <p>${this.error.message}</p>
              <button @click=${this.retry}>${t.retry}</button>
            </div>`
          : nothing}
      </div>
      <slot hidden></slot>
    `;
  }

  /** The overlay layer: product hotspots, cards and list (a lazy chunk, loaded with the show). */
  protected renderOverlay(): unknown {
    const show = this.showController;
    if (!show?.overlayLoaded) return nothing;
    return html`<shoppable-overlay
      ${cssProps({ '--sv-controls-height': `${this.controls && !this.error ? 64 : 0}px` })}
      .player=${this}
      .products=${show.products}
      .cues=${show.timeline.cues}
      .active=${show.active}
      .flow=${show.flow}
      .currency=${show.manifest?.currency ?? ''}
      .locale=${this.resolvedLocale}
      .strings=${this.strings}
    ></shoppable-overlay>`;
  }

  private renderControls(t: PlayerStrings): TemplateResult {
    const video = this.video;
    const live = this._duration === Infinity;
    const seekEnd = live && video?.seekable.length ? video.seekable.end(video.seekable.length - 1) : this._duration;
    const max = Number.isFinite(seekEnd) ? seekEnd : 0;
    const paused = !this.playing;
    const captions = this.captionTracks;
    const renditions = this.renditions;
    void this._tracksVersion; // re-render when tracks change
    const pipSupported = typeof document !== 'undefined' && document.pictureInPictureEnabled && !video?.disablePictureInPicture;
    const valueText = fill(t.timeOf, { current: formatTime(this._time), duration: formatTime(max) });
    return html`
      <div class="controls" part="controls">
        <div class="seek">
          <input
            type="range"
            min="0"
            max=${max}
            step="any"
            .value=${String(Math.min(this._time, max))}
            aria-label=${t.seek}
            aria-valuetext=${valueText}
            ?disabled=${!max}
            @input=${(e: Event) => (this.currentTime = Number((e.target as HTMLInputElement).value))}
          />
          ${this.renderMarkers(t, max)}
        </div>
        <div class="row">
          <button part="play-button" aria-label=${paused ? t.play : t.pause} @click=${this.togglePlay}>${paused ? icons.play : icons.pause}</button>
          <button part="mute-button" aria-label=${this._isMuted ? t.unmute : t.mute} @click=${this.toggleMute}>${this._isMuted ? icons.muted : icons.volume}</button>
          <input
            class="volume"
            type="range"
            min="0"
            max="1"
            step="0.05"
            .value=${String(this._isMuted ? 0 : this._volume)}
            aria-label=${t.volume}
            aria-valuetext=${`${Math.round((this._isMuted ? 0 : this._volume) * 100)}%`}
            @input=${(e: Event) => {
              this.volume = Number((e.target as HTMLInputElement).value);
              this.setMuted(this._volume === 0);
            }}
          />
          ${live ? html`<span class="live">${t.live}</span>` : html`<span class="time" aria-hidden="true">${formatTime(this._time)} / ${formatTime(max)}</span>`}
          <span class="spacer"></span>
          ${captions.length
            ? this.renderMenu('captions', t.captions, icons.captions, [
                { label: t.captionsOff, checked: this.captionTrack < 0, pick: () => (this.captionTrack = -1) },
                ...captions.map((c) => ({ label: c.label, checked: this.captionTrack === c.index, pick: () => (this.captionTrack = c.index) })),
              ])
            : nothing}
          ${renditions.length > 1
            ? this.renderMenu('quality', t.quality, icons.quality, [
                { label: t.qualityAuto, checked: this.rendition < 0, pick: () => (this.rendition = -1) },
                ...renditions
                  .slice()
                  .sort((a, b) => b.bitrate - a.bitrate)
                  .map((r) => ({ label: r.label, checked: this.rendition === r.index, pick: () => (this.rendition = r.index) })),
              ])
            : nothing}
          ${pipSupported
            ? html`<button part="pip-button" aria-label=${this._pip ? t.exitPip : t.pip} aria-pressed=${this._pip} @click=${this.togglePictureInPicture}>${icons.pip}</button>`
            : nothing}
          <button part="fullscreen-button" aria-label=${this.fullscreen ? t.exitFullscreen : t.fullscreen} @click=${this.toggleFullscreen}>
            ${this.fullscreen ? icons.exitFullscreen : icons.fullscreen}
          </button>
        </div>
      </div>
    `;
  }

  /** Seek-bar markers where products appear: one tab stop, arrows move between them. */
  private renderMarkers(t: PlayerStrings, duration: number): unknown {
    const show = this.showController;
    if (!show || !Number.isFinite(this._duration) || !duration) return nothing;
    const markers = productMarkers(show.timeline.cues, show.timeline.products, duration);
    if (!markers.length) return nothing;
    const focus = Math.min(this.markerFocus, markers.length - 1);
    return html`<div class="markers" role="group" aria-label=${t.productMoments}>
      ${markers.map(
        (m, i) => html`<button
          class="marker"
          part="marker"
          ${cssProps({ 'inset-inline-start': `${(m.time / duration) * 100}%` })}
          tabindex=${i === focus ? 0 : -1}
          aria-label=${fill(t.jumpTo, { title: m.title, time: formatTime(m.time) })}
          @click=${() => {
            this.markerFocus = i;
            this.currentTime = m.time;
          }}
        ></button>`,
      )}
    </div>`;
  }

  private markerFocus = 0;

  private moveMarkerFocus(target: HTMLElement, key: string): void {
    const buttons = Array.from(this.renderRoot.querySelectorAll<HTMLButtonElement>('button.marker'));
    const i = buttons.indexOf(target as HTMLButtonElement);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step = key === 'Home' ? -i : key === 'End' ? buttons.length - 1 - i : (key === 'ArrowRight') !== rtl ? 1 : -1;
    const next = Math.min(buttons.length - 1, Math.max(0, i + step));
    this.markerFocus = next;
    buttons.forEach((b, j) => (b.tabIndex = j === next ? 0 : -1));
    buttons[next]?.focus();
  }

  private renderMenu(
    id: Exclude<Menu, null>,
    label: string,
    icon: unknown,
    items: Array<{ label: string; checked: boolean; pick: () => void }>,
  ): TemplateResult {
    const open = this._menu === id;
    return html`<div class="menu-wrap">
      <button part="${id}-button" data-menu=${id} aria-label=${label} aria-haspopup="menu" aria-expanded=${open} @click=${() => this.toggleMenu(id)}>${icon}</button>
      ${open
        ? html`<div role="menu" aria-label=${label}>
            ${items.map(
              (item) => html`<button
                role="menuitemradio"
                aria-checked=${item.checked}
                tabindex=${item.checked ? 0 : -1}
                @click=${() => {
                  item.pick();
                  this._menu = null;
                  void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-menu="${id}"]`)?.focus());
                }}
              >
                ${item.label}
              </button>`,
            )}
          </div>`
        : nothing}
    </div>`;
  }
}

type OverlayHandle = HTMLElement & { setPositions?(p: ReadonlyMap<Cue, { x: number; y: number }>): void };

interface Marker {
  time: number;
  title: string;
}

const MAX_MARKERS = 100;
let markerCache: { cues: readonly Cue[]; products: ReadonlyMap<string, Product>; duration: number; markers: Marker[] } | null = null;

/** One marker per product appearance (merged when closer than 0.5 s), at most 100, in time order. */
function productMarkers(cues: readonly Cue[], products: ReadonlyMap<string, Product>, duration: number): Marker[] {
  if (markerCache?.cues === cues && markerCache.products === products && markerCache.duration === duration) return markerCache.markers;
  const seen = new Set<string>();
  const markers: Marker[] = [];
  for (const cue of [...cues].sort((a, b) => a.start - b.start)) {
    const key = `${cue.productId}@${Math.round(cue.start * 2)}`;
    if (cue.start > duration || seen.has(key)) continue;
    seen.add(key);
    markers.push({ time: cue.start, title: cue.label || products.get(cue.productId)?.title || cue.productId });
    if (markers.length === MAX_MARKERS) break;
  }
  markerCache = { cues, products, duration, markers };
  return markers;
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** "16/9", "16:9", "1.78" → a CSS aspect-ratio value, or null when not a positive ratio. */
export function parseAspectRatio(value: string): string | null {
  const m = value.trim().match(/^(\d+(?:\.\d+)?)\s*(?:[/:]\s*(\d+(?:\.\d+)?))?$/);
  if (!m) return null;
  const w = Number(m[1]);
  const h = m[2] === undefined ? 1 : Number(m[2]);
  return w > 0 && h > 0 ? `${w} / ${h}` : null;
}
