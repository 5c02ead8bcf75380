import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** What the mini-player needs from its host (`<shoppable-video>` satisfies it). */
export interface MiniPlayerHost extends ReactiveControllerHost, HTMLElement {
  readonly playing: boolean;
  readonly fullscreen: boolean;
  readonly media: HTMLVideoElement | null;
  /** Opt-out (attribute `no-mini-player`). */
  noMiniPlayer?: boolean;
  /** `closeMiniPlayer` names the close button (default "Close mini player"). */
  strings?: object;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The floating mini-player: when a playing player scrolls out of the viewport, its frame
 * continues in a corner (bottom, inline end) and the host reflects `floating`; the host keeps
 * its box, so the page does not move. It returns in place when the player scrolls back.
 * Closing it (button or Escape) returns the frame in place without pausing; it floats again
 * only after the player has been back in view. Full screen and picture-in-picture win.
 */
export class MiniPlayerController implements ReactiveController {
  private observer?: IntersectionObserver;
  private outOfView = false;
  private dismissed = false;
  private close?: HTMLButtonElement;
  private placeholder?: HTMLElement;

  constructor(private readonly host: MiniPlayerHost) {
    // Loaded when playback first starts: its styles join the host's then.
    const root = host.renderRoot as ShadowRoot;
    if (miniPlayerStyles.styleSheet && root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, miniPlayerStyles.styleSheet];
    host.addController(this);
    host.requestUpdate();
  }

  hostConnected(): void {
    if (typeof IntersectionObserver !== 'function') return;
    this.observer = new IntersectionObserver(this.onIntersect, { threshold: 0 });
    this.observer.observe(this.host);
    this.host.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.host.removeEventListener('keydown', this.onKeydown);
    this.outOfView = false;
    this.set(false);
  }

  /** Re-evaluated after every host update (playing, fullscreen, opt-out changes). */
  hostUpdated(): void {
    const h = this.host;
    const pip = typeof document !== 'undefined' && Boolean(h.media) && document.pictureInPictureElement === h.media;
    const floating = h.hasAttribute('floating');
    // Start floating only while playing; once floating, a pause keeps it floating (it was paused there).
    const want = this.outOfView && !this.dismissed && !h.noMiniPlayer && !h.fullscreen && !pip && (h.playing || floating);
    if (want !== floating) this.set(want);
  }

  private readonly onIntersect = (entries: IntersectionObserverEntry[]): void => {
    const entry = entries[entries.length - 1]!;
    this.outOfView = !entry.isIntersecting;
    if (!this.outOfView) this.dismissed = false;
    this.hostUpdated();
  };

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && !e.defaultPrevented && this.host.hasAttribute('floating')) {
      e.preventDefault();
      this.dismiss();
    }
  };

  /** Returns the frame in place until the player has been back in view. */
  dismiss(): void {
    this.dismissed = true;
    this.set(false);
  }

  private set(on: boolean): void {
    const root = this.host.renderRoot;
    const frame = root.querySelector<HTMLElement>('.frame');
    if (on && frame) {
      // The placeholder keeps the host's box at the frame's size while the frame floats.
      this.placeholder ??= Object.assign(document.createElement('div'), { className: 'mini-placeholder' });
      this.placeholder.style.aspectRatio = getComputedStyle(frame).aspectRatio;
      frame.after(this.placeholder);
      this.close ??= this.makeClose();
      this.close.setAttribute('aria-label', (this.host.strings as { closeMiniPlayer?: string } | undefined)?.closeMiniPlayer || 'Close mini player');
      frame.append(this.close);
    } else {
      if (frame && this.host.hasAttribute('floating')) {
        // Docking moves the frame from the corner back into the page. Transparent for the frame it
        // moves in (opacity 0 keeps focus where it is), the move is no layout shift (CLS stays 0).
        frame.classList.add('docking');
        requestAnimationFrame(() => requestAnimationFrame(() => frame.classList.remove('docking')));
      }
      if (this.close?.matches(':focus')) frame?.focus();
      this.close?.remove();
      this.placeholder?.remove();
    }
    this.host.toggleAttribute('floating', on && Boolean(frame));
  }

  private makeClose(): HTMLButtonElement {
    const button = document.createElement('button');
    button.className = 'mini-close';
    button.part.add('mini-close');
    button.textContent = '✕';
    button.addEventListener('click', () => this.dismiss());
    return button;
  }
}

/** Styles of the floating mini-player, added to the player's styles. */
export const miniPlayerStyles = css`
  :host([floating]) .frame {
    position: fixed;
    z-index: 2147483000;
    inset-block-end: 16px;
    inset-inline-end: 16px;
    width: min(320px, calc(100vw - 32px));
    border-radius: 10px;
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.45);
    animation: sv-mini-in 0.2s ease-out;
  }
  @media (max-width: 480px) {
    :host([floating]) .frame {
      width: min(240px, calc(100vw - 24px));
      inset-block-end: 12px;
      inset-inline-end: 12px;
    }
  }
  @keyframes sv-mini-in {
    from {
      opacity: 0;
      transform: translateY(12px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host([floating]) .frame {
      animation: none;
    }
  }
  .frame.docking {
    opacity: 0;
  }
  .mini-close {
    position: absolute;
    top: 6px;
    inset-inline-start: 6px;
    z-index: 3;
    min-width: 32px;
    height: 32px;
    border-radius: 50%;
    background: rgb(0 0 0 / 0.7);
    font-size: 14px;
  }
  @media (max-width: 480px) {
    /* A phone: a 44 × 44 px target for the finger. */
    .mini-close {
      min-width: 44px;
      height: 44px;
    }
  }
`;
