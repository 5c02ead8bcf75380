import { css } from 'lit';

/** The overlay's root: inherited-style reset, custom properties, the bounds, the stage and the toolbar. */
export const overlayStyles = css`
  :host {
    /* Nothing inherited from the page reaches in (only direction, which RTL needs). */
    all: initial;
    position: absolute;
    inset: 0;
    display: block;
    pointer-events: none !important;
    --_controls: var(--sv-controls-height, 64px);
    --_card-bg: var(--sv-card-background, #fff);
    --_card-fg: var(--sv-card-color, #17171c);
    --_muted: var(--sv-card-muted, #595966);
    --_radius: var(--sv-card-radius, 12px);
    --_buy-bg: var(--sv-button-background, #17171c);
    --_buy-fg: var(--sv-button-color, #fff);
    --_spot: var(--sv-hotspot-color, #fff);
    --_sale: var(--sv-sale-color, #b3261e);
    --_focus: var(--sv-focus-ring, #4c9ffe);
    font: 14px/1.35 var(--sv-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: #fff;
    -webkit-tap-highlight-color: transparent;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  button,
  input,
  a {
    font: inherit;
    color: inherit;
    margin: 0;
  }
  button {
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  .pill:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .root,
  .bounds {
    position: absolute;
    inset: 0;
  }
  .bounds {
    bottom: var(--_controls);
  }
  .root > :not(.bounds, .stage),
  .hotspot {
    pointer-events: auto;
  }


  /* The stage: the picture inside the box (hotspots are placed on it, hotspots.styles.ts). */
  .stage {
    position: absolute;
    pointer-events: none;
  }

  /* Toolbar (top, inline-end). */
  .toolbar {
    position: absolute;
    top: 8px;
    inset-inline-end: 8px;
    display: flex;
    gap: 6px;
    align-items: center;
    z-index: 4;
  }
  .toolbar > * {
    min-height: 36px;
    padding: 0 12px;
    border-radius: 999px;
    background: rgb(0 0 0 / 0.72);
    color: #fff;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    white-space: nowrap;
  }
  .n {
    font-weight: 700;
  }
  .cart .n {
    /* Digits of one width, room for two: a count arriving or changing moves nothing. */
    display: inline-block;
    min-width: 2ch;
    font-variant-numeric: tabular-nums;
  }
  .tiny .toolbar {
    pointer-events: none;
  }
  .tiny .toolbar > * {
    min-height: 28px;
  }
  .cart[data-pending] {
    visibility: hidden;
  }
  svg.bag {
    vertical-align: -3px;
  }
  /* Wide: labels; compact (phones, the mini-player): icons, the labels left to screen readers. */
  .toolbar .icon {
    display: none;
  }
  .compact .toolbar .icon {
    display: block;
  }
  .compact .toolbar > * {
    justify-content: center;
    min-width: 36px;
    padding: 0 9px;
  }
  @media (max-width: 519.98px) {
    /* A phone: 44 × 44 px targets for the finger. */
    .toolbar > *,
    .compact .toolbar > * {
      min-height: 44px;
      min-width: 44px;
    }
  }

  /* Close buttons (card and list). */
  .close {
    position: absolute;
    top: 4px;
    inset-inline-end: 4px;
    width: 32px;
    height: 32px;
    border-radius: 50%;
    font-size: 14px;
  }
`;
