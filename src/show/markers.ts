/**
 * Seek-bar markers where products appear (part of the show chunk: a player without a show
 * never loads them). One tab stop; arrows, Home and End move between markers; Enter seeks.
 */
import { html, nothing } from 'lit';
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

export class SeekMarkers {
  private focus = 0;
  private cache: { cues: readonly Cue[]; products: ReadonlyMap<string, Product>; duration: number; markers: Marker[] } | null = null;

  render(t: PlayerStrings, cues: readonly Cue[], products: ReadonlyMap<string, Product>, duration: number): unknown {
    const markers = this.markers(cues, products, duration);
    if (!markers.length) return nothing;
    const focus = Math.min(this.focus, markers.length - 1);
    return html`<div class="markers" role="group" aria-label=${t.productMoments} @keydown=${this.onKeydown}>
      ${markers.map(
        (m, i) => html`<button
          class="marker"
          part="marker"
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
    const buttons = Array.from(group.querySelectorAll<HTMLButtonElement>('button.marker'));
    const i = buttons.indexOf(e.target as HTMLButtonElement);
    const rtl = getComputedStyle(group).direction === 'rtl';
    const step = key === 'Home' ? -i : key === 'End' ? buttons.length - 1 - i : (key === 'ArrowRight') !== rtl ? 1 : -1;
    const next = (this.focus = Math.min(buttons.length - 1, Math.max(0, i + step)));
    buttons.forEach((b, j) => (b.tabIndex = j === next ? 0 : -1));
    buttons[next]?.focus();
    e.preventDefault(); // the player's own keys (arrows seek) leave it alone
  };

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
