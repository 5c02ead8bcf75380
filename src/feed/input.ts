/**
 * The story viewer's input: keys, swipes (pointer events), the wheel; and its icons. Moves go
 * through the host's next()/previous(); directions follow the page's (RTL mirrors sideways).
 */
import { svg } from 'lit';

/** Pixels a pointer must travel, and wheel delta to accumulate, to move to another story. */
const SWIPE_PX = 40;
const WHEEL_DELTA = 60;
/** After a wheel move, further wheel events of the same gesture are ignored for this long. */
const WHEEL_REST_MS = 450;

const icon = (d: string, flip = false) => svg`<svg viewBox="0 0 24 24" aria-hidden="true" class=${flip ? 'flip' : ''}><path d=${d}></path></svg>`;
export const ICONS = {
  close: icon('M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z'),
  up: icon('m12 7 7 7-1.4 1.4-5.6-5.6-5.6 5.6L5 14z'),
  down: icon('m12 17-7-7 1.4-1.4 5.6 5.6 5.6-5.6L19 10z'),
  soundOn: icon('M4 9h4l5-4v14l-5-4H4zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z', true),
  soundOff: icon('M4 9h4l5-4v14l-5-4H4zm11.6.4 1.4-1.4 2 2 2-2 1.4 1.4-2 2 2 2-1.4 1.4-2-2-2 2-1.4-1.4 2-2z', true),
};

export interface StoryInputHost {
  readonly rtl: boolean;
  next(): void;
  previous(): void;
}

export class StoryInput {
  private swipe: { x: number; y: number } | null = null;
  private swiped = false;
  private wheel = 0;
  private wheelRest = 0;

  constructor(private readonly host: StoryInputHost) {}

  readonly onKeydown = (e: KeyboardEvent): void => {
    const origin = e.composedPath()[0] as HTMLElement;
    if (e.defaultPrevented || /^(INPUT|SELECT|TEXTAREA)$/.test(origin.tagName ?? '')) return;
    const forward = this.host.rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = this.host.rtl ? 'ArrowRight' : 'ArrowLeft';
    if (e.key === 'ArrowDown' || e.key === 'PageDown' || e.key === forward) this.host.next();
    else if (e.key === 'ArrowUp' || e.key === 'PageUp' || e.key === back) this.host.previous();
    else return;
    e.preventDefault();
  };

  readonly onPointerDown = (e: PointerEvent): void => {
    this.swipe = e.isPrimary ? { x: e.clientX, y: e.clientY } : null;
    this.swiped = false;
  };

  readonly onPointerUp = (e: PointerEvent): void => {
    const start = this.swipe;
    this.swipe = null;
    if (!start) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (Math.max(Math.abs(dx), Math.abs(dy)) < SWIPE_PX) return;
    this.swiped = true;
    // Up or towards the reading direction's start ("pulling the next one in") goes forward.
    const forward = Math.abs(dy) >= Math.abs(dx) ? dy < 0 : this.host.rtl ? dx > 0 : dx < 0;
    if (forward) this.host.next();
    else this.host.previous();
  };

  /** A swipe ends in a click on the video: it must not also pause it. */
  readonly onClickCapture = {
    handleEvent: (e: Event) => {
      if (this.swiped) e.stopPropagation();
      this.swiped = false;
    },
    capture: true,
  };

  readonly onWheel = (e: WheelEvent): void => {
    if (e.composedPath().some((n) => (n as Element).part?.contains('list'))) return; // the product list scrolls
    e.preventDefault();
    if (e.timeStamp < this.wheelRest) return;
    this.wheel += e.deltaY;
    if (Math.abs(this.wheel) < WHEEL_DELTA) return;
    if (this.wheel > 0) this.host.next();
    else this.host.previous();
    this.wheel = 0;
    this.wheelRest = e.timeStamp + WHEEL_REST_MS;
  };

  readonly onPointerCancel = (): void => {
    this.swipe = null;
  };
}

/** The `data-index` of the tile whose centre is nearest the viewport's, among those in view; -1 for none. */
export function nearestToCentre(tiles: Iterable<HTMLElement>): number {
  let best = -1;
  let distance = Infinity;
  for (const tile of tiles) {
    const r = tile.getBoundingClientRect();
    if (!r.width || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) continue;
    const d = Math.hypot(r.left + r.width / 2 - innerWidth / 2, r.top + r.height / 2 - innerHeight / 2);
    if (d < distance) [distance, best] = [d, Number(tile.dataset.index)];
  }
  return best;
}
