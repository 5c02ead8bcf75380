/** The product card: image, title, price, availability, options, quantity, the buy button and the add's outcome. */
import { html, nothing, type TemplateResult } from 'lit';
import type { CartFlow } from '../commerce/cart-flow.js';
import type { Cue, Product } from '../timeline/types.js';
import { hasPosition } from './hotspots.js';
import type { CartAddDetail, CartErrorDetail, CheckoutDetail, ProductClickSource } from './types.js';
import { fill, type OverlayStrings } from './strings.js';
import { choose, isValueEnabled, maxQuantity, priceOf, resolve, type Selection } from './variants.js';
import { originList } from '../commerce/checkout-config.js';
import { allowedUrl } from '../commerce/navigation.js';

/** The open card. */
export interface OpenCard {
  productId: string;
  cue: Cue | undefined;
  /** The element focus returns to when the card closes. */
  opener: HTMLElement | null;
  /** Whether opening the card paused the video (so closing it resumes). */
  paused: boolean;
}

/** What the card reads from, and asks of, the overlay element. */
export interface CardHost {
  readonly flow: CartFlow | null;
  readonly cardLink: 'product' | 'none';
  readonly allowedOrigins: string;
  readonly active: readonly Cue[];
  readonly _open: OpenCard | null;
  readonly _compact: boolean;
  /** On a phone: the card is a bottom sheet (the top layer, over the page below the player). */
  readonly _sheet: boolean;
  readonly t: OverlayStrings;
  /** Each product's chosen option values. */
  readonly selections: Map<string, Selection>;
  /** Each product's chosen quantity. */
  readonly quantities: Map<string, number>;
  /** `variantId|quantity` of each product's last successful add, for the "Added" label. */
  readonly added: Map<string, string>;
  price(product: Product, minor: number | undefined): string;
  clickProduct(productId: string, cue: Cue | undefined, source: ProductClickSource): boolean;
  closeCard(restoreFocus?: boolean): void;
  piece<T extends Element>(name: string): T | null;
  say(text: string): void;
  emit<T>(name: string, detail?: T): CustomEvent<T>;
  requestUpdate(): void;
}

/**
 * Focus into an opened card goes to a control that shows its focus ring: the chosen value of
 * the first option axis, else the buy button, else the title link, else ✕ (never the card).
 */
export function focusCard(card: Element | null): void {
  const first = card?.querySelector('fieldset');
  const target = [first?.querySelector('input:checked:enabled'), first?.querySelector('input:enabled'), card?.querySelector('.buy:not([disabled])'), card?.querySelector('.title a'), card?.querySelector('.close')].find(Boolean);
  (target as HTMLElement | null | undefined)?.focus();
}

export function renderCard(o: CardHost, product: Product, open: OpenCard, t: OverlayStrings): TemplateResult {
  const selection = o.selections.get(product.id) ?? [];
  const { variant, buyable, exists } = resolve(product, selection);
  const { price, compareAt } = priceOf(product, variant);
  const max = maxQuantity(variant);
  const quantity = Math.min(o.quantities.get(product.id) ?? 1, max);
  const anchored = !o._compact && open.cue && hasPosition(open.cue) && o.active.includes(open.cue);
  const sheet = o._sheet && !anchored;
  const docked = o._compact && !anchored && !sheet;
  const mode = anchored ? 'anchored' : sheet ? 'sheet' : docked ? 'docked' : 'side';
  const link = o.cardLink !== 'none' ? productUrl(o, product) : undefined;
  const inventory = variant?.inventory;
  const few = inventory !== undefined && inventory <= 5;
  const availability = !exists ? t.unavailable : !buyable ? t.soldOut : few ? fill(t.fewLeft, { count: inventory }) : t.inStock;
  // The brand and a plain "In stock" ('in') are only read to screen readers on a docked card; 'out' and 'few' always show.
  const stock = !buyable ? 'out' : few ? 'few' : 'in';
  return html`<div
    class="card ${mode} ${link ? 'linked' : ''}"
    part="card"
    role="dialog"
    aria-labelledby="card-title"
    popover=${sheet ? 'manual' : nothing}
    @click=${(e: MouseEvent) => onCardClick(o, e, link)}
  >
    <button class="close" part="card-close" aria-label=${t.close} @click=${() => o.closeCard()}>✕</button>
    <div class="head">
      ${product.image || variant?.image ? html`<img part="card-image" src=${variant?.image ?? product.image!} alt="" />` : nothing}
      <div class="info">
        ${product.brand ? html`<span class="brand ${docked ? 'sr-only' : ''}" part="card-brand">${product.brand}</span>` : nothing}
        <span class="title" part="card-title" id="card-title"
          >${link ? html`<a href=${link} @click=${(e: Event) => onTitleLink(o, e, product)}>${product.title}</a>` : product.title}</span
        >
        <span class="price ${compareAt !== undefined ? 'sale' : ''}" part="price">
          ${compareAt !== undefined ? html`<span class="sr-only">${t.nowPrice}</span>` : nothing}${o.price(product, price)}
          ${compareAt !== undefined
            ? html`<s part="compare-at-price"><span class="sr-only">${t.wasPrice}</span>${o.price(product, compareAt)}</s>`
            : nothing}
        </span>
        <span class="availability ${stock} ${docked && stock === 'in' ? 'sr-only' : ''}" part="availability">${availability}</span>
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
                      o.selections.set(product.id, choose(product, selection, i, value));
                      o.emit('sv-variant-change', { productId: product.id, cueId: o._open?.cue?.id });
                      o.requestUpdate();
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
        ${o.flow && buyable ? renderQuantity(o, product, quantity, max, t) : nothing}
        ${renderBuy(o, product, variant?.id, quantity, buyable, exists, t)}
      </div>
      ${o.flow ? html`<div class="outcome-slot">${renderOutcome(o, product, t)}</div>` : nothing}
    </div>
  </div>`;
}

function renderQuantity(o: CardHost, product: Product, quantity: number, max: number, t: OverlayStrings): TemplateResult {
  // From the stored value, not the rendered one: fast clicks land before the re-render.
  const step = (d: number) => () => setQuantity(o, product, (o.quantities.get(product.id) ?? 1) + d, max);
  return html`<div class="qty" part="quantity" role="group" aria-label=${t.quantity}>
    <button aria-label=${t.decrease} aria-disabled=${quantity <= 1} @click=${step(-1)}>−</button>
    <input
      type="number"
      inputmode="numeric"
      min="1"
      max=${max}
      .value=${String(quantity)}
      aria-label=${t.quantity}
      @change=${(e: Event) => setQuantity(o, product, Number((e.target as HTMLInputElement).value), max)}
    />
    <button aria-label=${t.increase} aria-disabled=${quantity >= max} @click=${step(1)}>+</button>
  </div>`;
}

/** The product page, when the navigation policy allows it (the page's origin or `allowed-origins`). */
const productUrl = (o: CardHost, product: Product) => allowedUrl(product.url, { allowedOrigins: originList(o.allowedOrigins) });

function renderBuy(o: CardHost, product: Product, variantId: string | undefined, quantity: number, buyable: boolean, exists: boolean, t: OverlayStrings): TemplateResult | typeof nothing {
  const flow = o.flow;
  const url = productUrl(o, product);
  if (!flow) return url ? html`<a class="buy" part="buy-button" href=${url}>${t.viewProduct}</a>` : nothing;
  if (!buyable) return html`<button class="buy" part="buy-button" disabled>${exists ? t.soldOut : t.unavailable}</button>`;
  const status = flow.state(product.id).status;
  const done = status === 'success' && o.added.get(product.id) === `${variantId}|${quantity}`;
  return html`<button class="buy ${status}" part="buy-button" aria-disabled=${status === 'busy'} @click=${() => buy(o, product)}>
    ${status === 'busy' ? html`<span class="spinner" aria-hidden="true"></span>${t.adding}` : done ? `✓ ${t.added}` : t.addToCart}
  </button>`;
}

export function renderOutcome(o: CardHost, product: Product, t: OverlayStrings): TemplateResult | typeof nothing {
  const flow = o.flow;
  const state = flow?.state(product.id);
  if (state?.status === 'error') {
    return html`<div class="outcome">
      <p class="error" part="card-error" role="alert">${state.error?.message || t.genericError}</p>
      ${state.error?.retryable ? html`<button part="retry-button" @click=${() => retry(o, product)}>${t.retryAdd}</button>` : nothing}
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
  if (!flow || !o.added.has(product.id)) return nothing;
  const url = flow.checkoutUrl;
  return html`<div class="outcome">
    ${url
      ? html`<a part="checkout-button" href=${url} target="_blank" rel="noopener" @click=${() => o.emit<CheckoutDetail>('sv-checkout', { url, productId: product.id, cueId: o._open?.cue?.id })}>${t.checkout}</a>`
      : nothing}
    ${flow.canOpenCart ? html`<button part="view-cart-button" @click=${() => flow.openCart()}>${t.viewCart}</button>` : nothing}
  </div>`;
}

// ---- actions -------------------------------------------------------------------------

export async function buy(o: CardHost, product: Product): Promise<void> {
  const flow = o.flow;
  if (!flow || flow.state(product.id).status === 'busy') return; // one add in flight per card: clicks join it
  const { variant, buyable } = resolve(product, o.selections.get(product.id) ?? []);
  if (!buyable) return;
  const quantity = o.quantities.get(product.id) ?? 1;
  const cueId = o._open?.cue?.id;
  o.emit('sv-cart-add-request', { productId: product.id, variantId: variant?.id, quantity, cueId, retry: false });
  report(o, product, variant?.id, quantity, cueId, await flow.add(product.id, { product, variant, quantity }, cueId));
}

export async function retry(o: CardHost, product: Product): Promise<void> {
  const flow = o.flow;
  if (!flow) return;
  const { variant } = resolve(product, o.selections.get(product.id) ?? []);
  const quantity = o.quantities.get(product.id) ?? 1;
  if (flow.state(product.id).status !== 'busy') o.emit('sv-cart-add-request', { productId: product.id, variantId: variant?.id, quantity, cueId: o._open?.cue?.id, retry: true });
  report(o, product, variant?.id, quantity, o._open?.cue?.id, await flow.retry(product.id));
}

export function report(o: CardHost, product: Product, variantId: string | undefined, quantity: number, cueId: string | undefined, result: Awaited<ReturnType<CartFlow['add']>>): void {
  if (result.ok) {
    o.added.set(product.id, `${variantId}|${quantity}`);
    o.say(fill(o.t.announceAdded, { title: product.title, quantity }));
    o.emit<CartAddDetail>('sv-cart-add', { productId: product.id, variantId, quantity, cueId, cart: result.value });
  } else if (result.error.code !== 'ABORTED') {
    o.emit<CartErrorDetail>('sv-cart-error', { productId: product.id, variantId, cueId, code: result.error.code, message: result.error.message });
  }
}

function setQuantity(o: CardHost, product: Product, q: number, max: number): void {
  o.quantities.set(product.id, Math.min(max, Math.max(1, Math.round(q) || 1)));
  o.requestUpdate();
}

function onCardClick(o: CardHost, e: MouseEvent, url: string | undefined): void {
  if (!url || o.cardLink === 'none') return;
  if ((e.composedPath()[0] as Element).closest?.('a, button, input, label, fieldset')) return;
  o.piece<HTMLAnchorElement>('card-title')?.querySelector('a')?.click();
}

function onTitleLink(o: CardHost, e: Event, product: Product): void {
  if (!o.clickProduct(product.id, o._open?.cue, 'card')) e.preventDefault();
}
