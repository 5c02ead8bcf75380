/** Hotspots (cues with a position, on the picture) and teasers (cues without one, docked). */
import { html, nothing, type TemplateResult } from 'lit';
import { cssProps } from '../internal/css-props.js';
import { positionAt, type Point } from '../timeline/interpolate.js';
import type { Cue, Product } from '../timeline/types.js';
import type { FrameSource, ProductClickSource } from './types.js';
import { fill, type OverlayStrings } from './strings.js';
import { priceOf } from './variants.js';

/** What hotspots and teasers read from, and ask of, the overlay element. */
export interface HotspotHost {
  readonly products: ReadonlyMap<string, Product>;
  readonly frames: FrameSource | null;
  /** The last position of each keyframed cue given to `setPositions()`. */
  readonly placed: ReadonlyMap<Cue, Point>;
  readonly _open: { cue: Cue | undefined } | null;
  price(product: Product, minor: number | undefined): string;
  clickProduct(productId: string, cue: Cue | undefined, source: ProductClickSource): boolean;
  openCard(productId: string, cue?: Cue, opener?: HTMLElement | null): void;
  closeCard(restoreFocus?: boolean): void;
}

/** A cue with a place on the picture gets a hotspot; one without, a teaser. */
export const hasPosition = (cue: Cue) => Boolean(cue.keyframes?.length) || (cue.x !== undefined && cue.y !== undefined);

function onSpot(o: HotspotHost, cue: Cue, e: Event): void {
  if (o._open?.cue === cue) return o.closeCard();
  if (o.clickProduct(cue.productId, cue, 'hotspot')) o.openCard(cue.productId, cue, e.currentTarget as HTMLElement);
}

export function renderSpot(o: HotspotHost, cue: Cue, t: OverlayStrings): TemplateResult {
  // Where the last frame put it; else at the time of the last frame (NaN before the first: its start).
  const time = o.frames?.time ?? NaN;
  const p = o.placed.get(cue) ?? positionAt(cue, time >= 0 ? time : cue.start)!;
  const title = o.products.get(cue.productId)!.title;
  const name = fill(t.hotspot, { title }) + (cue.label ? `: ${cue.label}` : '');
  return html`<button
    class="hotspot"
    part="hotspot"
    data-cue=${cue.id}
    data-product=${cue.productId}
    ${cssProps({ '--x': String(p.x), '--y': String(p.y) })}
    aria-label=${name}
    aria-expanded=${o._open?.cue === cue}
    @click=${(e: Event) => onSpot(o, cue, e)}
  >
    <span class="dot"></span>${cue.label ? html`<span class="label" part="hotspot-label" aria-hidden="true">${cue.label}</span>` : nothing}
  </button>`;
}

export function renderTeaser(o: HotspotHost, cue: Cue, t: OverlayStrings): TemplateResult {
  const product = o.products.get(cue.productId)!;
  const shown = o.price(product, priceOf(product, undefined).price);
  // The name holds all the visible text (WCAG 2.5.3, label in name): the title and the price.
  return html`<button
    class="teaser"
    part="teaser"
    data-cue=${cue.id}
    data-product=${cue.productId}
    aria-label=${`${fill(t.teaser, { title: product.title })}${shown ? `, ${shown}` : ''}`}
    @click=${(e: Event) => o.clickProduct(product.id, cue, 'hotspot') && o.openCard(product.id, cue, e.currentTarget as HTMLElement)}
  >
    ${product.image ? html`<img src=${product.image} alt="" />` : nothing}
    <span class="teaser-title">${product.title}</span>
    <span class="teaser-price">${shown}</span>
  </button>`;
}
