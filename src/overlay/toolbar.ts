/** The toolbar (top, inline end): the cart count, "Products (n)" and "Hide products". */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { CartFlow } from '../commerce/cart-flow.js';
import { fill, type OverlayStrings } from './strings.js';

/** A shopping bag (inline SVG: emoji fonts are not everywhere). */
const bagIcon = svg`<svg viewBox="0 0 24 24" width="16" height="16" focusable="false" class="bag"><path fill="currentColor" d="M7 7V6a5 5 0 0 1 10 0v1h3l1 14H3L4 7h3zm2 0h6V6a3 3 0 0 0-6 0v1zm-3 2-.8 10h13.6L18 9H6z"/></svg>`;
/** Icons the compact toolbar shows instead of its labels (which stay for screen readers). */
const listIcon = svg`<svg viewBox="0 0 24 24" width="16" height="16" focusable="false" class="icon"><path fill="currentColor" d="M3 5h18v2H3zm0 6h18v2H3zm0 6h18v2H3z"/></svg>`;
const eyeIcon = (off: boolean) =>
  svg`<svg viewBox="0 0 24 24" width="18" height="18" focusable="false" class="icon"><path fill="none" stroke="currentColor" stroke-width="2" d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z${off ? 'M4 4l16 16' : ''}"/><circle cx="12" cy="12" r="3" fill="currentColor"/></svg>`;

/** What the toolbar reads from, and asks of, the overlay element. */
export interface ToolbarHost {
  readonly flow: CartFlow | null;
  /** A checkout is configured (its flow may still be loading): the cart pill keeps its place from the start. */
  readonly checkout: boolean;
  /** A compact player: the toolbar shows icons, its labels are for screen readers only. */
  readonly _compact: boolean;
  readonly products: ReadonlyMap<string, unknown>;
  toggleList(): void;
  toggleHidden(): void;
}

/**
 * `hidden`: the shopper hid the products; `tiny`: the mini-player on a phone (only the cart
 * count, which taps go through: hotspots lie under it); `list`: the list is open; `docked`: a
 * docked card is open.
 */
export function renderToolbar(o: ToolbarHost, t: OverlayStrings, { hidden, tiny, list, docked }: { hidden: boolean; tiny: boolean; list: boolean; docked: boolean }): TemplateResult {
  const count = o.flow?.cartCount;
  const label = o._compact ? 'tl sr-only' : 'tl';
  return html`<div class="toolbar" part="toolbar" ?hidden=${docked || list}>
    ${(o.flow || o.checkout) && !hidden
      ? // In place (hidden) before the count arrives, its digits a fixed width: a count arriving or changing moves nothing.
        html`<span class="cart" part="cart-count" ?data-pending=${count === undefined}
          ><span aria-hidden="true">${bagIcon} <span class="n">${count ?? 0}</span></span
          ><span class="sr-only">${count === undefined ? '' : fill(t.cartCount, { count })}</span></span
        >`
      : nothing}
    ${o.products.size && !hidden && !tiny
      ? html`<button part="list-button" aria-expanded=${list} @click=${() => o.toggleList()}>
          ${listIcon}<span class=${label}>${t.products} </span><span class="n">${o.products.size}</span>
        </button>`
      : nothing}
    ${tiny
      ? nothing
      : html`<button part="hide-button" @click=${() => o.toggleHidden()}>${eyeIcon(!hidden)}<span class=${label}>${hidden ? t.showProducts : t.hideProducts}</span></button>`}
  </div>`;
}
