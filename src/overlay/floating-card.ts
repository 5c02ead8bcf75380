/** Places the open card: beside its hotspot (Floating UI), and on top of the top layer. */
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Space kept free inside the box: 8 px, and the toolbar's 52 px at the top (the card never covers it). */
const PADDING = { top: 52, right: 8, bottom: 8, left: 8 };

interface Anchoring {
  spot: HTMLElement;
  card: HTMLElement;
  /** A moving hotspot is followed every animation frame; a still one on resize and scroll. */
  moving: boolean;
}

/**
 * Keeps a card beside its hotspot (`offset`, `flip`, `shift`, inside the box given by
 * `bounds()`) while both are shown. `anchor()` after every render; `autoUpdate` runs only
 * while the host is connected: stopped on disconnect, started again on reconnect.
 */
export class FloatingCardController implements ReactiveController {
  private anchoring: Anchoring | null = null;
  private stop?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly bounds: () => Element | null,
  ) {
    host.addController(this);
  }

  /** Anchors `card` to `spot`; without either, lets the card go (it falls back to its CSS place). */
  anchor(spot: HTMLElement | undefined, card: HTMLElement | null, moving: boolean): void {
    const a = this.anchoring;
    if (!spot || !card) return this.release();
    if (a?.spot === spot && a.card === card && a.moving === moving) return;
    this.release();
    this.anchoring = { spot, card, moving };
    card.style.opacity = '0'; // until placed (still focusable)
    this.start();
  }

  /** Stops following and clears what placing set on the card. */
  release(): void {
    this.halt();
    const card = this.anchoring?.card;
    card?.style.removeProperty('left');
    card?.style.removeProperty('top');
    card?.style.removeProperty('opacity');
    this.anchoring = null;
  }

  hostConnected(): void {
    this.start();
  }

  hostDisconnected(): void {
    this.halt();
  }

  private start(): void {
    const a = this.anchoring;
    const bounds = this.bounds();
    if (!a || this.stop || !this.host.isConnected || !bounds) return;
    const { spot, card } = a;
    const place = () => {
      // Both measured here as rectangles: Floating UI's defaults read <html>'s client size and
      // offsets, which a theme resetting :root (display: inline) turns into 0.
      const { x, y, width, height } = bounds.getBoundingClientRect();
      const within = { boundary: { x, y, width, height }, rootBoundary: { x: 0, y: 0, width: innerWidth, height: innerHeight }, padding: PADDING };
      return void computePosition(spot, card, {
        placement: 'top',
        middleware: [offset(14), flip({ ...within, fallbackPlacements: ['bottom', 'right', 'left'] }), shift({ ...within, crossAxis: true })],
      }).then(({ x, y }) => {
        if (this.anchoring?.card !== card || !this.stop) return; // a stale answer
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        card.style.opacity = '';
      });
    };
    this.stop = autoUpdate(spot, card, place, { animationFrame: a.moving });
  }

  private halt(): void {
    this.stop?.();
    this.stop = undefined;
  }
}

/**
 * Keeps the host's open popovers (the phone sheet) above a full-screen element entered after
 * they opened: the top layer stacks in order of entry, so each is shown again on top, with
 * focus kept where it was.
 */
export class TopLayerController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode }) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ['fullscreenchange', 'webkitfullscreenchange']) document.addEventListener(type, this.raise);
  }

  hostDisconnected(): void {
    for (const type of ['fullscreenchange', 'webkitfullscreenchange']) document.removeEventListener(type, this.raise);
  }

  private readonly raise = (): void => {
    for (const popover of this.host.renderRoot.querySelectorAll<HTMLElement>('[popover]')) {
      if (!popover.matches(':popover-open')) continue;
      const root = popover.getRootNode() as ShadowRoot | Document;
      const focused = root.activeElement instanceof HTMLElement && popover.contains(root.activeElement) ? root.activeElement : null;
      // Focus leaves first: Chromium 156's renderer crashes hiding a popover that holds focus in a shadow root.
      focused?.blur();
      popover.hidePopover();
      popover.showPopover();
      focused?.focus({ preventScroll: true });
    }
  };
}
