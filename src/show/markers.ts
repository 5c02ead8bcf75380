/**
 * Seek-bar markers where products appear (part of the show chunk: a player without a show
 * never loads them). One tab stop; arrows, Home and End move between markers; Enter seeks.
 */
import { html, nothing, type ElementPart } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { cssProps } from '../internal/css-props.js';
import { fill } from '../internal/text.js';
import { requestMedia } from '../player/requests.js';
import { formatTime, type PlayerStrings } from '../player/strings.js';
import type { Cue, Product } from '../timeline/types.js';

interface Marker {
  time: number;
  title: string;
}

const MAX_MARKERS = 100;

/** Hands the element to a callback on every render (lit's `ref` without its async machinery: smaller). */
const withElement = directive(
  class extends Directive {
    render(_cb: (el: Element) => void): typeof nothing {
      return nothing;
    }
    override update(part: ElementPart, [cb]: [(el: Element) => void]): typeof nothing {
      cb(part.element);
      return nothing;
    }
  },
);
/** Centres closer than this (px) on the bar: the later marker is hidden (WCAG 2.2 target size, 2.5.8). */
const MIN_GAP = 24;

export class SeekMarkers {
  private focus = 0;
  /** The markers' box width, measured (0 until known: all shown). */
  private width = 0;
  private group?: HTMLElement;
  private readonly resizer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(([entry]) => {
    this.width = entry!.contentRect.width;
    this.spread();
  });
  private cache: { cues: readonly Cue[]; products: ReadonlyMap<string, Product>; duration: number; markers: Marker[] } | null = null;

  render(t: PlayerStrings, cues: readonly Cue[], products: ReadonlyMap<string, Product>, duration: number): unknown {
    const markers = this.markers(cues, products, duration);
    if (!markers.length) return nothing;
    const shown = this.shown(markers, duration);
    const focus = shown[this.focus] ? this.focus : shown.indexOf(true);
    return html`<div class="markers" role="group" aria-label=${t.productMoments} @keydown=${this.onKeydown} ${withElement(this.observe)}>
      ${markers.map(
        (m, i) => html`<button
          class="marker"
          part="marker"
          data-t=${m.time / duration}
          ?hidden=${!shown[i]}
          ${cssProps({ 'inset-inline-start': `${(m.time / duration) * 100}%` })}
          tabindex=${i === focus ? 0 : -1}
          aria-label=${fill(t.jumpTo, { title: m.title, time: formatTime(m.time) })}
          @click=${(e: Event) => {
            this.focus = i;
            requestMedia(e.currentTarget!, { type: 'seek', time: m.time });
          }}
        ></button>`,
      )}
    </div>`;
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    const key = e.key;
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const group = e.currentTarget as HTMLElement;
    const buttons = Array.from(group.querySelectorAll<HTMLButtonElement>('button.marker:not([hidden])'));
    const i = buttons.indexOf(e.target as HTMLButtonElement);
    const rtl = getComputedStyle(group).direction === 'rtl';
    const step = key === 'Home' ? -i : key === 'End' ? buttons.length - 1 - i : (key === 'ArrowRight') !== rtl ? 1 : -1;
    const next = Math.min(buttons.length - 1, Math.max(0, i + step));
    this.focus = Array.from(group.querySelectorAll('button.marker')).indexOf(buttons[next]!);
    buttons.forEach((b, j) => (b.tabIndex = j === next ? 0 : -1));
    buttons[next]?.focus();
    e.preventDefault(); // the player's own keys (arrows seek) leave it alone
  };

  /** Which markers show at the measured width: none closer than {@link MIN_GAP} to the one shown before it. */
  private shown(markers: readonly Marker[], duration: number): boolean[] {
    return spaced(markers.map((m) => m.time / duration), this.width);
  }

  private readonly observe = (el: Element): void => {
    if (el === this.group) return;
    if (this.group) this.resizer?.unobserve(this.group);
    this.group = el as HTMLElement;
    this.resizer?.observe(el);
  };

  /** Stops measuring (the player's show is torn down). */
  disconnect(): void {
    this.resizer?.disconnect();
    this.group = undefined;
  }

  /** After a resize between renders: hides and shows markers in place (the next render agrees). */
  private spread(): void {
    const buttons = Array.from(this.group?.querySelectorAll<HTMLButtonElement>('button.marker') ?? []);
    const shown = spaced(buttons.map((b) => Number(b.dataset.t)), this.width);
    buttons.forEach((b, i) => (b.hidden = !shown[i]));
    if (buttons.length && !buttons.some((b) => b.tabIndex === 0 && !b.hidden)) {
      const first = buttons.find((b) => !b.hidden);
      buttons.forEach((b) => (b.tabIndex = b === first ? 0 : -1));
    }
  }

  /** One marker per product appearance (merged when closer than 0.5 s), at most 100, in time order. */
  private markers(cues: readonly Cue[], products: ReadonlyMap<string, Product>, duration: number): Marker[] {
    const c = this.cache;
    if (c?.cues === cues && c.products === products && c.duration === duration) return c.markers;
    const seen = new Set<string>();
    const markers: Marker[] = [];
    for (const cue of [...cues].sort((a, b) => a.start - b.start)) {
      const key = `${cue.productId}@${Math.round(cue.start * 2)}`;
      if (cue.start > duration || seen.has(key)) continue;
      seen.add(key);
      markers.push({ time: cue.start, title: cue.label || products.get(cue.productId)?.title || cue.productId });
      if (markers.length === MAX_MARKERS) break;
    }
    this.cache = { cues, products, duration, markers };
    return markers;
  }
}

/** For fractions of the bar in order: whether each is at least {@link MIN_GAP} px from the last one kept. */
function spaced(fractions: readonly number[], width: number): boolean[] {
  let last = -Infinity;
  return fractions.map((f) => {
    const keep = !width || (f - last) * width >= MIN_GAP;
    if (keep) last = f;
    return keep;
  });
}
