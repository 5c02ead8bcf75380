import { css } from 'lit';

/** Hotspots (on the stage) and teasers (the dock, bottom inline-start). */
export const hotspotStyles = css`
  /* Hotspots: fractions of the picture (the stage), moved with a transform. */
  .hotspot {
    position: absolute;
    left: 0;
    top: 0;
    width: 44px;
    height: 44px;
    margin: -22px 0 0 -22px;
    display: grid;
    place-items: center;
    border-radius: 50%;
    transform: translate(calc(var(--x) * var(--sw)), calc(var(--y) * var(--sh)));
  }
  .tiny .hotspot {
    /* The mini-player on a phone: 44 px hotspots would cover each other there; 24 px (WCAG 2.5.8) do not. */
    width: 24px;
    height: 24px;
    margin: -12px 0 0 -12px;
  }
  .tiny.compact .hotspot {
    transform: translate(max(calc(var(--x) * var(--sw)), var(--x0)), min(calc(var(--y) * var(--sh)), var(--ymax)));
  }
  .tiny.compact:dir(rtl) .hotspot {
    transform: translate(min(calc(var(--x) * var(--sw)), var(--x1)), min(calc(var(--y) * var(--sh)), var(--ymax)));
  }
  .tiny .dot {
    width: 14px;
    height: 14px;
  }
  .compact .hotspot {
    /* A small box (phone, mini-player): kept above the control bar, so seek markers and controls stay tappable. */
    transform: translate(calc(var(--x) * var(--sw)), min(calc(var(--y) * var(--sh)), var(--ymax)));
  }
  .dot {
    width: 18px;
    height: 18px;
    border-radius: 50%;
    background: var(--_spot);
    box-shadow: 0 0 0 3px rgb(0 0 0 / 0.35), 0 2px 8px rgb(0 0 0 / 0.4);
  }
  .dot::after {
    content: '';
    position: absolute;
    inset: 4px;
    border-radius: 50%;
    border: 2px solid var(--_spot);
    animation: pulse 1.8s ease-out infinite;
  }
  .hotspot[aria-expanded='true'] .dot {
    box-shadow: 0 0 0 5px var(--_focus);
  }
  @keyframes pulse {
    from {
      transform: scale(0.6);
      opacity: 0.9;
    }
    to {
      transform: scale(1.5);
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .dot::after {
      animation: none;
      opacity: 0.6;
    }
  }
  .label {
    position: absolute;
    inset-inline-start: 38px;
    white-space: nowrap;
    padding: 2px 8px;
    border-radius: 999px;
    background: rgb(0 0 0 / 0.7);
    font-size: 12px;
  }
  .compact .label {
    display: none;
  }


  /* Teasers: products without a position, docked at the bottom, inline start. */
  .dock {
    position: absolute;
    inset-inline-start: 8px;
    bottom: calc(var(--_controls) + 8px);
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 6px;
    max-width: min(280px, calc(100% - 16px));
    z-index: 2;
  }
  .teaser {
    min-height: 36px;
    padding: 0 12px;
    padding-inline-start: 4px;
    border-radius: 999px;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    white-space: nowrap;
    max-width: 100%;
    background: var(--_card-bg);
    color: var(--_card-fg);
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.3);
  }
  .teaser img {
    width: 28px;
    height: 28px;
    border-radius: 50%;
    object-fit: cover;
  }
  .teaser-title {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  .teaser-price {
    font-weight: 700;
  }
`;
