import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { cssProps } from '../internal/css-props.js';
import type { CartFlow } from '../commerce/cart-flow.js';
import { ShoppableElement, type EmitOptions } from '../internal/base-element.js';
import { spinKeyframes, srOnly } from '../internal/styles.js';
import { requestMedia } from '../player/requests.js';
import type { Point } from '../timeline/interpolate.js';
import type { Cue, Product } from '../timeline/types.js';
import { focusCard, renderCard, type OpenCard } from './card.js';
import { cardStyles } from './card.styles.js';
import { sheetStyles } from './sheet.styles.js';
import { FloatingCardController, TopLayerController } from './floating-card.js';
import { ImpressionController, withContext, type Context } from './analytics.js';
import { formatPrice } from './format.js';
import { hasPosition, renderSpot, renderTeaser } from './hotspots.js';
import { hotspotStyles } from './hotspots.styles.js';
import { overlayStyles } from './overlay.styles.js';
import { OVERLAY_PARTS } from './parts.js';
import { renderList } from './product-list.js';
import { renderToolbar } from './toolbar.js';
import { productListStyles } from './product-list.styles.js';
import { DEFAULT_OVERLAY_STRINGS, fill, type OverlayStrings } from './strings.js';
import type { CardDetail, FrameSource, ProductClickDetail, ProductClickSource } from './types.js';
import { initialSelection, type Selection } from './variants.js';

export type { CardDetail, CartAddDetail, CartErrorDetail, CheckoutDetail, FrameSource, ProductClickDetail, ProductClickSource } from './types.js';

/** Seconds between two "now showing" announcements. */
const ANNOUNCE_EVERY_MS = 4000;
/** Below this overlay width or height (px) cards dock instead of floating by their hotspot. */
const COMPACT_WIDTH = 520;
const COMPACT_HEIGHT = 280;
/** Below this box height (px: the mini-player on a phone) hotspots are 24 px instead of 44. */
const TINY_HEIGHT = 160;
/** In so small a frame, hotspot centres keep this far (px) from the inline-start edge: the mini-player's ✕ is there. */
const TINY_CLEAR = 64;
/** A compact player in a viewport narrower than this (px, a phone) opens cards as a bottom sheet. */
const SHEET_VIEWPORT = 520;

/**
 * The shoppable layer over the video: hotspots, product cards, the product list, the cart
 * count and a polite live region. Rendered by `<shoppable-video>` inside its shadow root
 * (a lazy chunk with Floating UI); not registered by `shoppable-video/define`.
 *
 * State flows down (the properties below), requests flow up: it never calls the player, it
 * asks for `play`, `pause` and `seek` with composed `sv-media-request` events
 * (`src/player/requests.ts`). Its CSS parts are `OVERLAY_PARTS` (parts.ts); the player exports them all.
 * Every event's detail also carries the show's common fields (`ShowEventBase`: docs/events.md).
 *
 * @event {CustomEvent<ProductClickDetail>} sv-product-click - `{productId, cueId, source: 'hotspot' | 'list' | 'card'}`: a hotspot, teaser, list item or the card's product link. Cancelable: `preventDefault()` keeps the card closed / the link unfollowed.
 * @event {CustomEvent<CardDetail>} sv-card-open - `{productId, cueId}`: a card opens. @event {CustomEvent<CardDetail>} sv-card-close - `{productId, cueId}`: a card closes.
 * @event {CustomEvent<CartAddDetail>} sv-cart-add - `{productId, variantId, quantity, cueId, cart}` after a successful add.
 * @event {CustomEvent<CartErrorDetail>} sv-cart-error - `{productId, variantId, cueId, code, message}` after a failed add (`code` as in docs/checkout-adapters.md).
 * @event {CustomEvent<CheckoutDetail>} sv-checkout - `{url, productId, cueId}` when the shopper follows Checkout. @event {CustomEvent<ProductImpressionDetail>} sv-product-impression - A hotspot or teaser was at least 50 % in view for 1 s; once per cue.
 * @event {CustomEvent<VariantChangeDetail>} sv-variant-change - The shopper chose another option value. @event {CustomEvent<CartAddRequestDetail>} sv-cart-add-request - Add to cart (or Retry) pressed.
 *
 * @csspart hotspot - A hotspot button. @csspart hotspot-label - Its caption. @csspart teaser - The button of a product shown without a position.
 * @csspart card - The product card. @csspart card-close - Its close button. @csspart card-image - Its image. @csspart card-brand - Its brand.
 * @csspart card-title - Its title (a link unless `card-link="none"`).
 * @csspart price - The price. @csspart compare-at-price - The struck-through price before a sale. @csspart availability - "In stock", "Only 3 left", "Sold out". @csspart options - The option axes.
 * @csspart quantity - The quantity field with − and +. @csspart buy-button - Add to cart (or "View product").
 * @csspart checkout-button - Checkout, after an add. @csspart view-cart-button - View cart, after an add.
 * @csspart card-error - The store's message after a failed add. @csspart retry-button - Retry it.
 * @csspart toolbar - The top bar. @csspart cart-count - The cart count. @csspart list-button - "Products (n)". @csspart hide-button - "Hide products" / "Show products".
 * @csspart list - The product list. @csspart list-item - One product in it.
 *
 * @cssproperty [--sv-controls-height=64px] - Height kept free for the player's controls (set by the player: 68px when it is up to 480px wide).
 * @cssproperty [--sv-card-background=#fff] - Card, teasers, list. @cssproperty [--sv-card-color=#17171c] - Their text.
 * @cssproperty [--sv-card-muted=#595966] - Brand, availability, legends. @cssproperty [--sv-card-radius=12px] - Card corners.
 * @cssproperty [--sv-button-background=#17171c] - Buy, Checkout. @cssproperty [--sv-button-color=#fff] - Their text.
 * @cssproperty [--sv-hotspot-color=#fff] - Hotspot dot and pulse. @cssproperty [--sv-sale-color=#b3261e] - Sale price, errors, "on screen".
 * @cssproperty --sv-font, --sv-focus-ring - Shared with the player.
 */
export class ShoppableOverlayElement extends ShoppableElement {
  static override styles = [overlayStyles, srOnly, hotspotStyles, cardStyles, sheetStyles, productListStyles, spinKeyframes];

  static override properties = {
    paused: { attribute: false },
    pauseOnCard: { attribute: false },
    cardLink: { attribute: false },
    allowedOrigins: { attribute: false },
    videoRatio: { attribute: false },
    seekable: { attribute: false },
    frames: { attribute: false },
    products: { attribute: false },
    cues: { attribute: false },
    active: { attribute: false },
    flow: { attribute: false }, checkout: { attribute: false }, context: { attribute: false },
    currency: { type: String },
    locale: { type: String },
    strings: { attribute: false },
    // Internal state: the open card, list, hidden overlays, compact/sheet layout, the stage, the live region.
    _open: { state: true }, _list: { state: true }, _hidden: { state: true }, _compact: { state: true },
    _sheet: { state: true }, _stage: { state: true }, _announcement: { state: true },
  };

  /** Whether the video is paused (a card opened while playing pauses it with `pauseOnCard`). */
  paused = true;
  /** Pause while a card the shopper opened is open, resume when it closes (attribute `pause-on-card` of the player). */
  pauseOnCard = false;
  /** `'product'` (default): clicking the card body opens product.url; `'none'`: it does nothing. */
  cardLink: 'product' | 'none' = 'product';
  /** Origins besides the page's that product links may lead to, space- or comma-separated (attribute `allowed-origins` of the player). */
  allowedOrigins = '';
  /** The picture's width / height (videoWidth / videoHeight); 0 while unknown (the box's ratio is used). */
  videoRatio = 0;
  /** Video on demand: choosing a product in the list seeks to its first appearance (live: no). */
  seekable = false;
  /** Per-frame positions of moving hotspots and the time of the last frame; null: none. */
  frames: FrameSource | null = null;
  /** Every product of the show by id (merged and, with a checkout, hydrated). */
  products: ReadonlyMap<string, Product> = new Map();
  /** Every cue of the show (for the list and first appearances). */
  cues: readonly Cue[] = [];
  /** The cues active now. */
  active: readonly Cue[] = [];
  /** The cart flow; null without a checkout ("View product" links instead of buy buttons). */
  flow: CartFlow | null = null;
  checkout = false; // a checkout is configured, even while its flow loads: the cart pill keeps its place
  /** Adds the show's common fields (show id, price, media time, view id: docs/events.md) to every event; null: none. */ context: Context | null = null;
  /** The show's default ISO 4217 currency. */
  currency = '';
  /** BCP 47 locale for prices. */
  locale = '';
  /** Replace any visible or announced string. */
  strings: Partial<OverlayStrings> = {};

  // State the parts (hotspots.ts, card.ts, product-list.ts) read: @internal, not API.
  /** @internal */ _open: OpenCard | null = null;
  /** @internal */ _compact = false;
  /** @internal */ _sheet = false;
  /** @internal each product's chosen option values. */
  readonly selections = new Map<string, Selection>();
  /** @internal each product's chosen quantity. */
  readonly quantities = new Map<string, number>();
  /** @internal `variantId|quantity` of each product's last successful add, for the "Added" label. */
  readonly added = new Map<string, string>();
  /** @internal the last position of each keyframed cue given to {@link setPositions}, for its next render. */
  readonly placed = new Map<Cue, Point>();

  private _list = false;
  private _hidden = false;
  /** The picture in the box, and the box's height. */
  private _stage = { x: 0, y: 0, w: 0, h: 0, box: 0 };
  private _announcement = '';
  private readonly spots = new Map<Cue, HTMLElement>();
  private readonly floating = new FloatingCardController(this, () => this.renderRoot.querySelector('.bounds'));
  protected readonly topLayer = new TopLayerController(this);
  /** @internal product impressions */ readonly impressions = new ImpressionController(this);
  private resizer?: ResizeObserver;
  private unsubscribe?: () => void;
  private offFrames?: () => void;
  private announceTimer = 0;
  private lastAnnounce = -Infinity;
  private pendingTitles: string[] = [];
  private focused: Element | null = null;
  private closedOpener: HTMLElement | null = null;

  /** Resolved strings. */
  get t(): OverlayStrings {
    return { ...DEFAULT_OVERLAY_STRINGS, ...this.strings };
  }
  /** Every event carries the show's common fields (`context`). */
  override emit<T>(name: string, detail?: T, options?: EmitOptions): CustomEvent<T> { return super.emit(name, withContext(this, detail), options); }

  /**
   * Moves the hotspots of keyframed cues; called once per rendered frame (from {@link frames},
   * or by the player) with the positions of the active keyframed cues (fractions of the frame).
   * No re-render.
   */
  setPositions(positions: ReadonlyMap<Cue, Point>): void {
    positions.forEach(this.move);
  }

  private readonly move = (p: Point, cue: Cue): void => {
    this.placed.set(cue, p);
    const el = this.spots.get(cue);
    if (!el) return;
    el.style.setProperty('--x', String(p.x));
    el.style.setProperty('--y', String(p.y));
  };

  /** Opens the card of a product (of a cue when given), as if the shopper chose it. */
  openCard(productId: string, cue?: Cue, opener: HTMLElement | null = null): void {
    if (!this.products.has(productId)) return;
    const pause = this.pauseOnCard && !this.paused && !this._open?.paused;
    if (pause) requestMedia(this, { type: 'pause' });
    const wasPaused = this._open?.paused ?? false;
    if (this._open) this.emit<CardDetail>('sv-card-close', { productId: this._open.productId, cueId: this._open.cue?.id });
    if (!this.selections.has(productId)) this.selections.set(productId, initialSelection(this.products.get(productId)!));
    this._open = { productId, cue, opener, paused: pause || wasPaused };
    this._list = false;
    this.emit<CardDetail>('sv-card-open', { productId, cueId: cue?.id });
    void this.updateComplete.then(() => focusCard(this.piece('card')));
  }

  /** Closes the open card; focus returns to what opened it when `restoreFocus`. */
  closeCard(restoreFocus = true): void {
    const open = this._open;
    if (!open) return;
    this._open = null;
    this.closedOpener = open.opener;
    this.emit<CardDetail>('sv-card-close', { productId: open.productId, cueId: open.cue?.id });
    if (open.paused) requestMedia(this, { type: 'play' });
    if (restoreFocus) void this.updateComplete.then(() => this.focusFallback(open.opener));
  }

  // ---- lifecycle ---------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // Let the page style the pieces as `shoppable-video::part(card)`.
    this.setAttribute('exportparts', OVERLAY_PARTS.join());
    this.resizer = new ResizeObserver(() => this.measure());
    this.resizer.observe(this);
    this.subscribe();
    this.listenFrames();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.unlistenFrames();
    clearTimeout(this.announceTimer);
    this.announceTimer = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.focused = this.shadowRoot?.activeElement ?? null;
    if (changed.has('flow')) this.subscribe();
    if (changed.has('frames')) this.listenFrames();
    if (changed.has('videoRatio')) this.measure();
    if (changed.has('active')) {
      for (const cue of this.placed.keys()) if (!this.active.includes(cue)) this.placed.delete(cue);
      const before = new Set(changed.get('active') as readonly Cue[] | undefined);
      const now = new Set(this.active);
      const cue = this._open?.cue;
      if (cue && before.has(cue) && !now.has(cue)) this.closeCard(false);
      const titles = this.active.filter((c) => !before.has(c)).map((c) => this.products.get(c.productId)?.title);
      this.announceNew(titles.filter((t): t is string => Boolean(t)));
    }
  }

  protected override updated(): void {
    this.spots.clear();
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.hotspot')) {
      const cue = this.active.find((c) => c.id === el.dataset.cue);
      if (cue) this.spots.set(cue, el);
    }
    // The open card floats by its hotspot while both are shown (an anchored card).
    const card = this.piece<HTMLElement>('card');
    if (card?.popover && !card.matches(':popover-open')) {
      // The sheet takes the viewport edge away from the player: the bottom, or the top when the player is in the lower half.
      const r = this.getBoundingClientRect();
      card.dataset.edge = r.top + r.height / 2 > innerHeight / 2 ? 'top' : 'bottom';
      card.showPopover();
    }
    const cue = this._open?.cue;
    this.floating.anchor(card?.classList.contains('anchored') && cue ? this.spots.get(cue) : undefined, card, Boolean(cue?.keyframes?.length));
    if (this.focused && !this.focused.isConnected) this.focusFallback(this._open?.opener ?? this.closedOpener);
    this.focused = null;
  }

  private subscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.isConnected ? this.flow?.subscribe(() => this.requestUpdate()) : undefined;
  }

  /** Per-frame positions from {@link frames} while connected (set up and torn down together). */
  private listenFrames(): void {
    this.unlistenFrames();
    if (this.isConnected) this.offFrames = this.frames?.onFrame((positions) => this.setPositions(positions));
  }

  private unlistenFrames(): void {
    this.offFrames?.();
    this.offFrames = undefined;
  }

  /** The stage is the picture inside the box (object-fit: contain); hotspot fractions refer to it. */
  private readonly measure = (): void => {
    const w = this.clientWidth;
    const h = this.clientHeight;
    const ratio = this.videoRatio > 0 ? this.videoRatio : w / h || 1;
    const sw = Math.min(w, h * ratio);
    const sh = Math.min(h, w / ratio);
    this._stage = { x: (w - sw) / 2, y: (h - sh) / 2, w: sw, h: sh, box: h };
    this._compact = w < COMPACT_WIDTH || h < COMPACT_HEIGHT;
    this._sheet = this._compact && innerWidth < SHEET_VIEWPORT;
  };

  // ---- focus and announcements -------------------------------------------------------

  /** @internal an element of the shadow root by part name. */
  piece<T extends Element>(name: string): T | null {
    return this.renderRoot.querySelector<T>(`[part~="${name}"]`);
  }

  /** Focus goes to `preferred` when it is still shown, else the first hotspot, else the list button. */
  private focusFallback(preferred: HTMLElement | null): void {
    const target = [preferred, this.renderRoot.querySelector<HTMLElement>('.hotspot, .teaser'), this.piece<HTMLElement>('list-button'), this.piece<HTMLElement>('hide-button')].find(
      (el) => el?.isConnected && !el.closest('[hidden]'),
    );
    target?.focus();
  }

  /** Politely names products that appeared, at most once per {@link ANNOUNCE_EVERY_MS}; later ones wait and are joined. */
  private announceNew(titles: string[]): void {
    if (!titles.length || this._hidden) return;
    this.pendingTitles.push(...titles);
    if (this.announceTimer) return;
    const wait = this.lastAnnounce + ANNOUNCE_EVERY_MS - performance.now();
    const flush = () => {
      this.announceTimer = 0;
      this.lastAnnounce = performance.now();
      this.say(fill(this.t.announceNew, { titles: [...new Set(this.pendingTitles)].join(', ') }));
      this.pendingTitles = [];
    };
    if (wait <= 0) flush();
    else this.announceTimer = window.setTimeout(flush, wait);
  }

  /** @internal politely announces `text`. */
  say(text: string): void {
    // The same text twice must be read twice: clear, then set on the next frame.
    this._announcement = '';
    void this.updateComplete.then(() => (this._announcement = text));
  }

  // ---- actions -----------------------------------------------------------------------

  /** @internal emits `sv-product-click`; false when the page prevented the default. */
  clickProduct(productId: string, cue: Cue | undefined, source: ProductClickSource): boolean {
    return !this.emit<ProductClickDetail>('sv-product-click', { productId, cueId: cue?.id, source }, { cancelable: true }).defaultPrevented;
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    if (this._list) {
      this._list = false;
      void this.updateComplete.then(() => this.piece<HTMLElement>('list-button')?.focus());
    } else if (this._open) {
      this.closeCard();
    } else {
      return;
    }
    e.preventDefault();
  }

  /** @internal */
  toggleList(): void {
    this._list = !this._list;
    if (this._list) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="list-item"]')?.focus());
  }

  /** @internal */ toggleHidden(): void {
    this._hidden = !this._hidden;
    if (this._hidden) {
      this.closeCard(false);
      this._list = false;
    }
  }

  // ---- render ------------------------------------------------------------------------

  /** @internal a price in the product's (else the show's) currency, or '' without one. */
  price(product: Product, minor: number | undefined): string {
    const currency = product.currency || this.currency;
    return minor === undefined || !currency ? '' : formatPrice(minor, currency, this.locale);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const s = this._stage;
    const open = this._open;
    const product = open && this.products.get(open.productId);
    const shown = this.active.filter((c) => this.products.has(c.productId));
    const spots = shown.filter(hasPosition);
    const teasers = shown.filter((c) => !hasPosition(c) && c !== open?.cue);
    const docked = Boolean(product) && this._compact && !this._sheet;
    const hidden = this._hidden;
    const tiny = s.box < TINY_HEIGHT; // the mini-player on a phone
    return html`
      <div class="root ${this._compact ? 'compact' : ''} ${tiny ? 'tiny' : ''}" @keydown=${this.onKeydown}>
        <div class="bounds"></div>
        <div class="stage" ?hidden=${hidden || docked} ${cssProps({ left: `${s.x}px`, top: `${s.y}px`, width: `${s.w}px`, height: `${s.h}px`, '--sw': `${s.w}px`, '--sh': `${s.h}px`, '--ymax': `calc(${s.box - s.y - (tiny ? 16 : 22)}px - var(--_controls))`, '--x0': `${TINY_CLEAR - s.x}px`, '--x1': `${s.w + s.x - TINY_CLEAR}px` })}>
          ${spots.map((cue) => renderSpot(this, cue, t))}
        </div>
        <div class="dock" ?hidden=${hidden || docked || !teasers.length}>${teasers.map((cue) => renderTeaser(this, cue, t))}</div>
        ${product && !hidden ? renderCard(this, product, open!, t) : nothing}
        ${renderToolbar(this, t, { hidden, tiny, list: this._list, docked })}
        ${this._list && !hidden ? renderList(this, t, new Set(shown.map((c) => c.productId))) : nothing}
        <div class="sr-only" role="status">${this._announcement}</div>
      </div>
    `;
  }
}
