/**
 * The overlay's part of the event catalogue (docs/events.md): every event it emits carries
 * the show's common fields, and product impressions — a hotspot or teaser at least half
 * visible in the viewport for a second, once per cue — are counted here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Context } from '../analytics/context.js';

export type { Context };
import type { Product } from '../timeline/types.js';
import { resolve, type Selection } from './variants.js';

/** An impression needs this share of the element in the viewport… */
export const IMPRESSION_VISIBLE = 0.5;
/** …for this long (ms), without interruption. */
export const IMPRESSION_MS = 1000;

interface AnalyticsHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly products: ReadonlyMap<string, Product>;
  readonly selections: ReadonlyMap<string, Selection>;
  context: Context | null;
  emit<T>(name: string, detail?: T): CustomEvent<T>;
}

/** `detail` with the common fields; the variant defaults to the card's current selection. */
export function withContext<T>(o: AnalyticsHost, detail: T): T {
  const d = detail as { productId?: string; variantId?: string } | undefined;
  if (!o.context || !d || typeof d !== 'object') return detail;
  const product = d.productId ? o.products.get(d.productId) : undefined;
  const selection = product && o.selections.get(product.id);
  const variantId = 'variantId' in d ? d.variantId : selection ? resolve(product, selection).variant?.id : undefined;
  return o.context({ ...d, variantId }) as T;
}

/** Watches the rendered hotspots and teasers; emits `sv-product-impression` once per cue. */
export class ImpressionController implements ReactiveController {
  private observer: IntersectionObserver | null = null;
  private readonly timers = new Map<Element, number>();
  private readonly watched = new Set<Element>();
  private readonly counted = new Set<string>();

  constructor(private readonly host: AnalyticsHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.host.context || typeof IntersectionObserver === 'undefined') return;
    this.observer ??= new IntersectionObserver((entries) => entries.forEach(this.onEntry), { threshold: [0, IMPRESSION_VISIBLE] });
    const now = new Set(this.host.renderRoot.querySelectorAll<HTMLElement>('.hotspot[data-cue], .teaser[data-cue]'));
    for (const el of this.watched) if (!now.has(el as HTMLElement)) this.unwatch(el);
    for (const el of now) {
      if (this.watched.has(el) || this.counted.has(el.dataset.cue!)) continue;
      this.watched.add(el);
      this.observer.observe(el);
    }
  }

  hostDisconnected(): void {
    for (const el of [...this.watched]) this.unwatch(el);
    this.observer?.disconnect();
    this.observer = null;
  }

  private unwatch(el: Element): void {
    clearTimeout(this.timers.get(el));
    this.timers.delete(el);
    this.watched.delete(el);
    this.observer?.unobserve(el);
  }

  private readonly onEntry = (entry: IntersectionObserverEntry): void => {
    const el = entry.target as HTMLElement;
    const visible = entry.isIntersecting && entry.intersectionRatio >= IMPRESSION_VISIBLE;
    if (!visible) {
      clearTimeout(this.timers.get(el));
      this.timers.delete(el);
    } else if (!this.timers.has(el)) {
      this.timers.set(el, window.setTimeout(() => this.count(el), IMPRESSION_MS));
    }
  };

  private count(el: HTMLElement): void {
    const { cue, product } = el.dataset;
    this.unwatch(el);
    if (!cue || !product || this.counted.has(cue) || document.visibilityState === 'hidden') return;
    this.counted.add(cue);
    this.host.emit('sv-product-impression', { productId: product, cueId: cue });
  }
}
