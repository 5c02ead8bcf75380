import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { cssProps } from '../internal/css-props.js';
import type { CartFlow } from '../commerce/cart-flow.js';
import type { CartSummary } from '../commerce/types.js';
import { ShoppableElement } from '../internal/base-element.js';
import { spinKeyframes } from '../internal/styles.js';
import { positionAt, type Point } from '../timeline/interpolate.js';
import type { Cue, Product } from '../timeline/types.js';
import { formatPrice } from './format.js';
import { overlayStyles } from './overlay.styles.js';
import { DEFAULT_OVERLAY_STRINGS, fill, type OverlayStrings } from './strings.js';
import { choose, initialSelection, isValueEnabled, maxQuantity, priceOf, resolve, type Selection } from './variants.js';

/** A shopping bag (inline SVG: emoji fonts are not everywhere). */
const bagIcon = svg`<svg viewBox="0 0 24 24" width="16" height="16" focusable="false" class="bag"><path fill="currentColor" d="M7 7V6a5 5 0 0 1 10 0v1h3l1 14H3L4 7h3zm2 0h6V6a3 3 0 0 0-6 0v1zm-3 2-.8 10h13.6L18 9H6z"/></svg>`;

/** What the overlay reads from and asks of the player (`<shoppable-video>` satisfies it). */
export interface OverlayPlayer extends EventTarget {
  currentTime: number;
  readonly duration: number;
  readonly paused: boolean;
  readonly media: HTMLVideoElement | null;
  /** Pause while a card the shopper opened is open (attribute `pause-on-card`). */
  pauseOnCard?: boolean;
  /** `'product'` (default): clicking the card body opens product.url; `'none'`: it does nothing. */
  cardLink?: 'product' | 'none';
  play(): Promise<void>;
  pause(): void;
}

/** Where a product interaction came from. */
export type ProductClickSource = 'hotspot' | 'list' | 'card';

/** `sv-product-click` detail. Cancelable: `preventDefault()` stops the default (open the card, follow the link). */
export interface ProductClickDetail {
  productId: string;
  cueId: string | undefined;
  source: ProductClickSource;
}
/** `sv-card-open` / `sv-card-close` detail. */
export interface CardDetail {
  productId: string;
  cueId: string | undefined;
}
/** `sv-cart-add` detail: after a successful add. */
export interface CartAddDetail {
  productId: string;
  variantId: string | undefined;
  quantity: number;
  cueId: string | undefined;
  cart: CartSummary | undefined;
}
/** `sv-cart-error` detail. */
export interface CartErrorDetail {
  productId: string;
  variantId: string | undefined;
  code: string;
  message: string;
}

interface OpenCard {
  productId: string;
  cue: Cue | undefined;
  /** The element focus returns to when the card closes. */
  opener: HTMLElement | null;
  /** Whether opening the card paused the video (so closing it resumes). */
  paused: boolean;
}

/** Seconds between two "now showing" announcements. */
const ANNOUNCE_EVERY_MS = 4000;
/** Below this overlay width or height (px) cards dock instead of floating by their hotspot. */
const COMPACT_WIDTH = 520;
const COMPACT_HEIGHT = 280;

const hasPosition = (cue: Cue) => Boolean(cue.keyframes?.length) || (cue.x !== undefined && cue.y !== undefined);

/**
 * The shoppable layer over the video: hotspots, product cards, the product list, the cart
 * count and a polite live region. Rendered by `<shoppable-video>` inside its shadow root
 * (a lazy chunk with Floating UI); not registered by `shoppable-video/define`.
 *
 * @event sv-product-click - `{productId, cueId, source}`; cancelable.
 * @event sv-card-open - `{productId, cueId}`.
 * @event sv-card-close - `{productId, cueId}`.
 * @event sv-cart-add - `{productId, variantId, quantity, cueId, cart}` after a successful add.
 * @event sv-cart-error - `{productId, variantId, code, message}` after a failed add.
 * @event sv-checkout - `{url}` when the shopper follows Checkout.
 *
 * @csspart hotspot - A hotspot button. @csspart hotspot-label - Its caption.
 * @csspart teaser - The button of a product shown without a position.
 * @csspart card - The product card. @csspart card-image, card-title, card-brand, price,
 *   compare-at-price, availability, options, quantity, buy-button, checkout-button,
 *   view-cart-button, card-error, retry-button, card-close - Its pieces.
 * @csspart toolbar - The top bar. @csspart list-button, hide-button, cart-count - Its pieces.
 * @csspart list - The product list. @csspart list-item - One product in it.
 *
 * @cssproperty --sv-controls-height - Height kept free for the player's controls (64px).
 * @cssproperty --sv-card-background, --sv-card-color, --sv-card-muted - Card colours.
 * @cssproperty --sv-card-radius - Card corner radius (12px).
 * @cssproperty --sv-button-background, --sv-button-color - Buy button colours.
 * @cssproperty --sv-hotspot-color - Hotspot dot and pulse colour.
 * @cssproperty --sv-sale-color - Colour of a price below its compare-at price.
 * @cssproperty --sv-font, --sv-focus-ring - Shared with the player.
 */
export class ShoppableOverlayElement extends ShoppableElement {
  static override styles = [overlayStyles, spinKeyframes];

  static override properties = {
    player: { attribute: false },
    products: { attribute: false },
    cues: { attribute: false },
    active: { attribute: false },
    flow: { attribute: false },
    currency: { type: String },
    locale: { type: String },
    strings: { attribute: false },
    _open: { state: true },
    _list: { state: true },
    _hidden: { state: true },
    _compact: { state: true },
    _stage: { state: true },
    _announcement: { state: true },
  };

  /** The player whose time, state and playback the overlay reads and drives. */
  player: OverlayPlayer | null = null;
  /** Every product of the show by id (merged and, with a checkout, hydrated). */
  products: ReadonlyMap<string, Product> = new Map();
  /** Every cue of the show (for the list and first appearances). */
  cues: readonly Cue[] = [];
  /** The cues active now. */
  active: readonly Cue[] = [];
  /** The cart flow; null without a checkout ("View product" links instead of buy buttons). */
  flow: CartFlow | null = null;
  /** The show's default ISO 4217 currency. */
  currency = '';
  /** BCP 47 locale for prices. */
  locale = '';
  /** Replace any visible or announced string. */
  strings: Partial<OverlayStrings> = {};

  private _open: OpenCard | null = null;
  private _list = false;
  private _hidden = false;
  private _compact = false;
  private _stage = { x: 0, y: 0, w: 0, h: 0 };
  private _announcement = '';

  private readonly selections = new Map<string, Selection>();
  private readonly quantities = new Map<string, number>();
  /** `variantId|quantity` of each product's last successful add, for the "Added" label. */
  private readonly added = new Map<string, string>();
  private readonly spots = new Map<Cue, HTMLElement>();
  private resizer?: ResizeObserver;
  private unsubscribe?: () => void;
  private stopFloating?: () => void;
  private floatingPair: [Element, Element] | null = null;
  private announceTimer = 0;
  private lastAnnounce = -Infinity;
  private pendingTitles: string[] = [];
  private focused: Element | null = null;
  private closedOpener: HTMLElement | null = null;

  /** Resolved strings. */
  get t(): OverlayStrings {
    return { ...DEFAULT_OVERLAY_STRINGS, ...this.strings };
  }

  /**
   * Moves the hotspots of keyframed cues; called by the player once per rendered frame with
   * the positions of the active keyframed cues (fractions of the frame). No re-render.
   */
  setPositions(positions: ReadonlyMap<Cue, Point>): void {
    positions.forEach(this.move);
  }

  private readonly move = (p: Point, cue: Cue): void => {
    const el = this.spots.get(cue);
    if (!el) return;
    el.style.setProperty('--x', String(p.x));
    el.style.setProperty('--y', String(p.y));
  };

  /** Opens the card of a product (of a cue when given), as if the shopper chose it. */
  openCard(productId: string, cue?: Cue, opener: HTMLElement | null = null): void {
    if (!this.products.has(productId)) return;
    const player = this.player;
    const pause = Boolean(player?.pauseOnCard && !player.paused && !this._open?.paused);
    if (pause) player!.pause();
    const wasPaused = this._open?.paused ?? false;
    if (this._open) this.emit<CardDetail>('sv-card-close', { productId: this._open.productId, cueId: this._open.cue?.id });
    if (!this.selections.has(productId)) this.selections.set(productId, initialSelection(this.products.get(productId)!));
    this._open = { productId, cue, opener, paused: pause || wasPaused };
    this._list = false;
    this.emit<CardDetail>('sv-card-open', { productId, cueId: cue?.id });
    void this.updateComplete.then(() => this.piece<HTMLElement>('card')?.focus());
  }

  /** Closes the open card; focus returns to what opened it when `restoreFocus`. */
  closeCard(restoreFocus = true): void {
    const open = this._open;
    if (!open) return;
    this._open = null;
    this.closedOpener = open.opener;
    this.emit<CardDetail>('sv-card-close', { productId: open.productId, cueId: open.cue?.id });
    if (open.paused) void this.player?.play();
    if (restoreFocus) void this.updateComplete.then(() => this.focusFallback(open.opener));
  }

  // ---- lifecycle ---------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // Let the page style the pieces as `shoppable-video::part(card)`.
    this.setAttribute(
      'exportparts',
      'hotspot,hotspot-label,teaser,card,card-image,card-title,card-brand,price,compare-at-price,availability,options,quantity,buy-button,checkout-button,view-cart-button,card-error,retry-button,card-close,toolbar,list-button,hide-button,cart-count,list,list-item',
    );
    this.resizer = new ResizeObserver(() => this.measure());
    this.resizer.observe(this);
    this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.unfloat();
    this.player?.removeEventListener('loadedmetadata', this.measure);
    clearTimeout(this.announceTimer);
    this.announceTimer = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.focused = this.shadowRoot?.activeElement ?? null;
    if (changed.has('flow')) this.subscribe();
    if (changed.has('player')) {
      (changed.get('player') as OverlayPlayer | null | undefined)?.removeEventListener('loadedmetadata', this.measure);
      this.player?.addEventListener('loadedmetadata', this.measure);
    }
    if (changed.has('active')) {
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
    this.float();
    if (this.focused && !this.focused.isConnected) this.focusFallback(this._open?.opener ?? this.closedOpener);
    this.focused = null;
  }

  private subscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.isConnected ? this.flow?.subscribe(() => this.requestUpdate()) : undefined;
  }

  /** The stage is the picture inside the box (object-fit: contain); hotspot fractions refer to it. */
  private readonly measure = (): void => {
    const w = this.clientWidth;
    const h = this.clientHeight;
    const video = this.player?.media;
    const ratio = video?.videoWidth && video.videoHeight ? video.videoWidth / video.videoHeight : w / h || 1;
    const sw = Math.min(w, h * ratio);
    const sh = Math.min(h, w / ratio);
    this._stage = { x: (w - sw) / 2, y: (h - sh) / 2, w: sw, h: sh };
    this._compact = w < COMPACT_WIDTH || h < COMPACT_HEIGHT;
  };

  // ---- card positioning --------------------------------------------------------------

  /** Anchors the open card to its hotspot with Floating UI while both are shown; else clears. */
  private float(): void {
    const card = this.piece<HTMLElement>('card');
    const cue = this._open?.cue;
    const spot = card?.classList.contains('anchored') && cue ? this.spots.get(cue) : undefined;
    if (!card || !spot) {
      this.unfloat();
      return;
    }
    if (this.floatingPair?.[0] === spot && this.floatingPair[1] === card) return;
    this.unfloat();
    this.floatingPair = [spot, card];
    const bounds = this.renderRoot.querySelector('.bounds')!;
    card.style.opacity = '0'; // until placed (still focusable)
    const place = () => {
      // Both measured here as rectangles: Floating UI's defaults read <html>'s client size and
      // offsets, which a theme resetting :root (display: inline) turns into 0.
      const { x, y, width, height } = bounds.getBoundingClientRect();
      const within = { boundary: { x, y, width, height }, rootBoundary: { x: 0, y: 0, width: innerWidth, height: innerHeight }, padding: 8 };
      return void computePosition(spot, card, {
        placement: 'top',
        middleware: [offset(14), flip({ ...within, fallbackPlacements: ['bottom', 'right', 'left'] }), shift({ ...within, crossAxis: true })],
      }).then(({ x, y }) => {
        if (this.floatingPair?.[1] !== card) return; // a stale answer
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        card.style.opacity = '';
      });
    };
    // A moving hotspot is followed every animation frame; a still one on resize and scroll.
    this.stopFloating = autoUpdate(spot, card, place, { animationFrame: Boolean(cue!.keyframes?.length) });
  }

  private unfloat(): void {
    this.stopFloating?.();
    this.stopFloating = undefined;
    const card = this.floatingPair?.[1] as HTMLElement | undefined;
    card?.style.removeProperty('left');
    card?.style.removeProperty('top');
    card?.style.removeProperty('opacity');
    this.floatingPair = null;
  }

  // ---- focus and announcements -------------------------------------------------------

  private piece<T extends Element>(name: string): T | null {
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

  private say(text: string): void {
    // The same text twice must be read twice: clear, then set on the next frame.
    this._announcement = '';
    void this.updateComplete.then(() => (this._announcement = text));
  }

  // ---- actions -----------------------------------------------------------------------

  private clickProduct(productId: string, cue: Cue | undefined, source: ProductClickSource): boolean {
    return !this.emit<ProductClickDetail>('sv-product-click', { productId, cueId: cue?.id, source }, { cancelable: true }).defaultPrevented;
  }

  private onSpot(cue: Cue, e: Event): void {
    if (this._open?.cue === cue) return this.closeCard();
    if (this.clickProduct(cue.productId, cue, 'hotspot')) this.openCard(cue.productId, cue, e.currentTarget as HTMLElement);
  }

  private fromList(product: Product): void {
    if (!this.clickProduct(product.id, undefined, 'list')) return;
    const cue = this.cues.filter((c) => c.productId === product.id).sort((a, b) => a.start - b.start)[0];
    const player = this.player;
    // Video on demand: seek to the first appearance (a little into it, so its first frame counts).
    if (cue && player && Number.isFinite(player.duration)) player.currentTime = Math.min(cue.start + 0.1, (cue.start + cue.end) / 2);
    this.openCard(product.id, cue, this.piece<HTMLElement>('list-button'));
  }

  private onCardClick(e: MouseEvent, url: string | undefined): void {
    if (!url || (this.player?.cardLink ?? 'product') === 'none') return;
    if ((e.composedPath()[0] as Element).closest?.('a, button, input, label, fieldset')) return;
    this.piece<HTMLAnchorElement>('card-title')?.querySelector('a')?.click();
  }

  private onTitleLink(e: Event, product: Product): void {
    if (!this.clickProduct(product.id, this._open?.cue, 'card')) e.preventDefault();
  }

  private async buy(product: Product): Promise<void> {
    const flow = this.flow;
    if (!flow || flow.state(product.id).status === 'busy') return; // one add in flight per card: clicks join it
    const { variant, buyable } = resolve(product, this.selections.get(product.id) ?? []);
    if (!buyable) return;
    const quantity = this.quantities.get(product.id) ?? 1;
    const cueId = this._open?.cue?.id;
    this.report(product, variant?.id, quantity, cueId, await flow.add(product.id, { product, variant, quantity }, cueId));
  }

  private async retry(product: Product): Promise<void> {
    const flow = this.flow;
    if (!flow) return;
    const { variant } = resolve(product, this.selections.get(product.id) ?? []);
    const quantity = this.quantities.get(product.id) ?? 1;
    this.report(product, variant?.id, quantity, this._open?.cue?.id, await flow.retry(product.id));
  }

  private report(product: Product, variantId: string | undefined, quantity: number, cueId: string | undefined, result: Awaited<ReturnType<CartFlow['add']>>): void {
    if (result.ok) {
      this.added.set(product.id, `${variantId}|${quantity}`);
      this.say(fill(this.t.announceAdded, { title: product.title, quantity }));
      this.emit<CartAddDetail>('sv-cart-add', { productId: product.id, variantId, quantity, cueId, cart: result.value });
    } else if (result.error.code !== 'ABORTED') {
      this.emit<CartErrorDetail>('sv-cart-error', { productId: product.id, variantId, code: result.error.code, message: result.error.message });
    }
  }

  private setQuantity(product: Product, q: number, max: number): void {
    this.quantities.set(product.id, Math.min(max, Math.max(1, Math.round(q) || 1)));
    this.requestUpdate();
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

  private toggleList(): void {
    this._list = !this._list;
    if (this._list) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="list-item"]')?.focus());
  }

  private toggleHidden(): void {
    this._hidden = !this._hidden;
    if (this._hidden) {
      this.closeCard(false);
      this._list = false;
    }
  }

  // ---- render ------------------------------------------------------------------------

  private price(product: Product, minor: number | undefined): string {
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
    const docked = Boolean(product) && this._compact;
    const count = this.flow?.cartCount;
    const hidden = this._hidden;
    return html`
      <div class="root ${this._compact ? 'compact' : ''}" @keydown=${this.onKeydown}>
        <div class="bounds"></div>
        <div class="stage" ?hidden=${hidden} ${cssProps({ left: `${s.x}px`, top: `${s.y}px`, width: `${s.w}px`, height: `${s.h}px`, '--sw': `${s.w}px`, '--sh': `${s.h}px` })}>
          ${spots.map((cue) => this.renderSpot(cue, t))}
        </div>
        <div class="dock" ?hidden=${hidden || docked || !teasers.length}>${teasers.map((cue) => this.renderTeaser(cue, t))}</div>
        ${product && !hidden ? this.renderCard(product, open!, t) : nothing}
        <div class="toolbar" part="toolbar" ?hidden=${docked || this._list}>
          ${count !== undefined && !hidden
            ? html`<span class="cart" part="cart-count"><span aria-hidden="true">${bagIcon} ${count}</span><span class="sr-only">${fill(t.cartCount, { count })}</span></span>`
            : nothing}
          ${this.products.size && !hidden
            ? html`<button part="list-button" aria-expanded=${this._list} @click=${this.toggleList}>${t.products} <span class="n">${this.products.size}</span></button>`
            : nothing}
          <button part="hide-button" @click=${this.toggleHidden}>${hidden ? t.showProducts : t.hideProducts}</button>
        </div>
        ${this._list && !hidden ? this.renderList(t, new Set(shown.map((c) => c.productId))) : nothing}
        <div class="sr-only" role="status">${this._announcement}</div>
      </div>
    `;
  }

  private renderSpot(cue: Cue, t: OverlayStrings): TemplateResult {
    const p = positionAt(cue, this.player?.currentTime ?? cue.start)!;
    const title = this.products.get(cue.productId)!.title;
    const name = fill(t.hotspot, { title }) + (cue.label ? `: ${cue.label}` : '');
    return html`<button
      class="hotspot"
      part="hotspot"
      data-cue=${cue.id}
      ${cssProps({ '--x': String(p.x), '--y': String(p.y) })}
      aria-label=${name}
      aria-expanded=${this._open?.cue === cue}
      @click=${(e: Event) => this.onSpot(cue, e)}
    >
      <span class="dot"></span>${cue.label ? html`<span class="label" part="hotspot-label" aria-hidden="true">${cue.label}</span>` : nothing}
    </button>`;
  }

  private renderTeaser(cue: Cue, t: OverlayStrings): TemplateResult {
    const product = this.products.get(cue.productId)!;
    const { price } = priceOf(product, undefined);
    return html`<button
      class="teaser"
      part="teaser"
      aria-label=${fill(t.teaser, { title: product.title })}
      @click=${(e: Event) => this.clickProduct(product.id, cue, 'hotspot') && this.openCard(product.id, cue, e.currentTarget as HTMLElement)}
    >
      ${product.image ? html`<img src=${product.image} alt="" />` : nothing}
      <span class="teaser-title">${product.title}</span>
      <span class="teaser-price">${this.price(product, price)}</span>
    </button>`;
  }

  private renderCard(product: Product, open: OpenCard, t: OverlayStrings): TemplateResult {
    const selection = this.selections.get(product.id) ?? [];
    const { variant, buyable, exists } = resolve(product, selection);
    const { price, compareAt } = priceOf(product, variant);
    const max = maxQuantity(variant);
    const quantity = Math.min(this.quantities.get(product.id) ?? 1, max);
    const anchored = !this._compact && open.cue && hasPosition(open.cue) && this.active.includes(open.cue);
    const mode = anchored ? 'anchored' : this._compact ? 'docked' : 'side';
    const link = (this.player?.cardLink ?? 'product') !== 'none' ? product.url : undefined;
    const inventory = variant?.inventory;
    const few = inventory !== undefined && inventory <= 5;
    const availability = !exists ? t.unavailable : !buyable ? t.soldOut : few ? fill(t.fewLeft, { count: inventory }) : t.inStock;
    // 'in' (plain "In stock") is only read to screen readers on a docked card; 'out' and 'few' always show.
    const stock = !buyable ? 'out' : few ? 'few' : 'in';
    return html`<div
      class="card ${mode} ${link ? 'linked' : ''}"
      part="card"
      role="dialog"
      aria-labelledby="card-title"
      tabindex="-1"
      @click=${(e: MouseEvent) => this.onCardClick(e, link)}
    >
      <button class="close" part="card-close" aria-label=${t.close} @click=${() => this.closeCard()}>✕</button>
      <div class="head">
        ${product.image || variant?.image ? html`<img part="card-image" src=${variant?.image ?? product.image!} alt="" />` : nothing}
        <div class="info">
          ${product.brand ? html`<span class="brand" part="card-brand">${product.brand}</span>` : nothing}
          <span class="title" part="card-title" id="card-title"
            >${link ? html`<a href=${link} @click=${(e: Event) => this.onTitleLink(e, product)}>${product.title}</a>` : product.title}</span
          >
          <span class="price ${compareAt !== undefined ? 'sale' : ''}" part="price">
            ${compareAt !== undefined ? html`<span class="sr-only">${t.nowPrice}</span>` : nothing}${this.price(product, price)}
            ${compareAt !== undefined
              ? html`<s part="compare-at-price"><span class="sr-only">${t.wasPrice}</span>${this.price(product, compareAt)}</s>`
              : nothing}
          </span>
          <span class="availability ${stock}" part="availability">${availability}</span>
        </div>
      </div>
      ${product.options?.length
        ? html`<div class="options" part="options">
            ${product.options.map(
              (axis, i) => html`<fieldset>
                <legend>${axis.name}</legend>
                ${axis.values.map((value) => {
                  const enabled = isValueEnabled(product, selection, i, value);
                  return html`<label class="pill ${enabled ? '' : 'off'}"
                    ><input
                      type="radio"
                      name="axis-${i}"
                      .value=${value}
                      .checked=${selection[i] === value}
                      ?disabled=${!enabled}
                      @change=${() => {
                        this.selections.set(product.id, choose(product, selection, i, value));
                        this.requestUpdate();
                      }}
                    /><span>${value}</span></label
                  >`;
                })}
              </fieldset>`,
            )}
          </div>`
        : nothing}
      <div class="foot">
        <div class="buy-row">
          ${this.flow && buyable ? this.renderQuantity(product, quantity, max, t) : nothing}
          ${this.renderBuy(product, variant?.id, quantity, buyable, exists, t)}
        </div>
        ${this.renderOutcome(product, t)}
      </div>
    </div>`;
  }

  private renderQuantity(product: Product, quantity: number, max: number, t: OverlayStrings): TemplateResult {
    // From the stored value, not the rendered one: fast clicks land before the re-render.
    const step = (d: number) => () => this.setQuantity(product, (this.quantities.get(product.id) ?? 1) + d, max);
    return html`<div class="qty" part="quantity" role="group" aria-label=${t.quantity}>
      <button aria-label=${t.decrease} aria-disabled=${quantity <= 1} @click=${step(-1)}>−</button>
      <input
        type="number"
        inputmode="numeric"
        min="1"
        max=${max}
        .value=${String(quantity)}
        aria-label=${t.quantity}
        @change=${(e: Event) => this.setQuantity(product, Number((e.target as HTMLInputElement).value), max)}
      />
      <button aria-label=${t.increase} aria-disabled=${quantity >= max} @click=${step(1)}>+</button>
    </div>`;
  }

  private renderBuy(product: Product, variantId: string | undefined, quantity: number, buyable: boolean, exists: boolean, t: OverlayStrings): TemplateResult | typeof nothing {
    const flow = this.flow;
    if (!flow) return product.url ? html`<a class="buy" part="buy-button" href=${product.url}>${t.viewProduct}</a>` : nothing;
    if (!buyable) return html`<button class="buy" part="buy-button" disabled>${exists ? t.soldOut : t.unavailable}</button>`;
    const status = flow.state(product.id).status;
    const done = status === 'success' && this.added.get(product.id) === `${variantId}|${quantity}`;
    return html`<button class="buy ${status}" part="buy-button" aria-disabled=${status === 'busy'} @click=${() => this.buy(product)}>
      ${status === 'busy' ? html`<span class="spinner" aria-hidden="true"></span>${t.adding}` : done ? `✓ ${t.added}` : t.addToCart}
    </button>`;
  }

  private renderOutcome(product: Product, t: OverlayStrings): TemplateResult | typeof nothing {
    const flow = this.flow;
    const state = flow?.state(product.id);
    if (state?.status === 'error') {
      return html`<div class="outcome">
        <p class="error" part="card-error" role="alert">${state.error?.message || t.genericError}</p>
        ${state.error?.retryable ? html`<button part="retry-button" @click=${() => this.retry(product)}>${t.retryAdd}</button>` : nothing}
      </div>`;
    }
    if (flow && state?.status === 'uncertain') {
      // The answer was lost and nothing tells whether it landed: never offer a blind Retry.
      const url = flow.checkoutUrl;
      return html`<div class="outcome">
        <p class="error" part="card-error" role="alert">${t.mayHaveBeenAdded}</p>
        ${flow.canOpenCart
          ? html`<button part="view-cart-button" @click=${() => flow.openCart()}>${t.viewCart}</button>`
          : url ? html`<a part="checkout-button" href=${url} target="_blank" rel="noopener">${t.viewCart}</a>` : nothing}
      </div>`;
    }
    if (!flow || !this.added.has(product.id)) return nothing;
    const url = flow.checkoutUrl;
    return html`<div class="outcome">
      ${url
        ? html`<a part="checkout-button" href=${url} target="_blank" rel="noopener" @click=${() => this.emit('sv-checkout', { url })}>${t.checkout}</a>`
        : nothing}
      ${flow.canOpenCart ? html`<button part="view-cart-button" @click=${() => flow.openCart()}>${t.viewCart}</button>` : nothing}
    </div>`;
  }

  private renderList(t: OverlayStrings, onScreen: Set<string>): TemplateResult {
    return html`<div class="list" part="list" role="dialog" aria-label=${t.productList}>
      <div class="list-head">
        <span>${t.productList}</span>
        <button class="close" aria-label=${t.close} @click=${this.toggleList}>✕</button>
      </div>
      <ul>
        ${[...this.products.values()].map((product) => {
          const now = onScreen.has(product.id);
          return html`<li>
            <button part="list-item" class=${now ? 'now' : ''} aria-current=${now ? 'true' : 'false'} @click=${() => this.fromList(product)}>
              ${product.image ? html`<img src=${product.image} alt="" />` : html`<span class="img"></span>`}
              <span class="text">
                <span class="teaser-title">${product.title}</span>
                <span>${this.price(product, priceOf(product, undefined).price)}</span>
                ${now ? html`<span class="badge">${t.onScreen}</span>` : nothing}
              </span>
            </button>
          </li>`;
        })}
      </ul>
    </div>`;
  }
}
