import { css } from 'lit';

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
  /* Read by screen readers, not shown (in the docked card: brand and a plain "In stock"). */
  .sr-only,
  .docked .brand,
  .docked .availability.in {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Hotspots: fractions of the picture (the stage), moved with a transform. */
  .stage {
    position: absolute;
    pointer-events: none;
  }
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

  /* Toolbar (top, inline-end) and teasers (bottom, inline-start). */
  .toolbar {
    position: absolute;
    top: 8px;
    inset-inline-end: 8px;
    display: flex;
    gap: 6px;
    align-items: center;
    z-index: 4;
  }
  .toolbar > *,
  .teaser {
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
    max-width: 100%;
    padding-inline-start: 4px;
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

  /* The card. */
  .card {
    position: absolute;
    top: 0;
    left: 0;
    width: min(300px, calc(100% - 16px));
    max-height: calc(100% - var(--_controls) - 16px);
    overflow: auto;
    overscroll-behavior: contain;
    padding: 12px;
    display: grid;
    gap: 10px;
    background: var(--_card-bg);
    color: var(--_card-fg);
    border-radius: var(--_radius);
    box-shadow: 0 8px 30px rgb(0 0 0 / 0.35);
    z-index: 3;
    outline: none;
  }
  .card.anchored {
    /* Narrow enough to fit beside its hotspot on the wider half of the box. */
    width: min(300px, calc(50% - 48px));
  }
  .card.linked {
    cursor: pointer;
  }
  .card.side {
    left: auto;
    top: 56px;
    inset-inline-end: 8px;
    max-height: calc(100% - var(--_controls) - 64px);
  }
  .card.docked {
    left: auto;
    top: auto;
    inset-inline: 8px;
    bottom: calc(var(--_controls) + 8px);
    width: auto;
    /* No bottom padding: the sticky foot carries it (content scrolling under it stays hidden). */
    padding: 5px 10px 0;
    gap: 5px;
    /* A control focused under the sticky foot is scrolled clear of it. */
    scroll-padding-block-end: 48px;
  }
  .close {
    position: absolute;
    top: 4px;
    inset-inline-end: 4px;
    width: 32px;
    height: 32px;
    border-radius: 50%;
    font-size: 14px;
  }
  .head {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 10px;
    padding-inline-end: 28px;
  }
  .head > :only-child {
    grid-column: 1 / -1;
  }
  [part~='card-image'] {
    width: 72px;
    height: 72px;
    border-radius: 8px;
    object-fit: cover;
    background: #eee;
  }
  .info {
    display: grid;
    gap: 2px;
    align-content: start;
    min-width: 0;
  }
  .brand,
  .availability {
    color: var(--_muted);
    font-size: 12px;
  }
  .availability.out {
    color: var(--_sale);
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .title a {
    text-decoration: none;
  }
  .title a:hover {
    text-decoration: underline;
  }
  .price {
    font-weight: 700;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: baseline;
  }
  .price.sale {
    color: var(--_sale);
  }
  s {
    color: var(--_muted);
    font-weight: 400;
  }
  .options {
    display: grid;
    gap: 6px;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  legend {
    padding: 0;
    margin-bottom: 4px;
    font-size: 12px;
    color: var(--_muted);
  }
  .pill {
    position: relative;
    display: inline-grid;
    place-items: center;
    min-width: 40px;
    min-height: 32px;
    padding: 0 10px;
    border: 1px solid #c4c4cc;
    border-radius: 8px;
    cursor: pointer;
  }
  .pill input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: inherit;
  }
  .pill:has(input:checked) {
    border: 2px solid var(--_card-fg);
    font-weight: 600;
  }
  .pill.off {
    color: var(--_muted);
    text-decoration: line-through;
    cursor: not-allowed;
    border-style: dashed;
  }
  .buy-row {
    display: flex;
    gap: 8px;
    align-items: stretch;
  }
  .qty {
    display: flex;
    align-items: center;
    border: 1px solid #c4c4cc;
    border-radius: 8px;
  }
  .qty button {
    width: 32px;
    height: 40px;
    font-size: 18px;
  }
  .qty button[aria-disabled='true'] {
    color: var(--_muted);
    cursor: default;
  }
  .qty input {
    width: 36px;
    border: 0;
    padding: 0;
    text-align: center;
    background: none;
    appearance: textfield;
    -moz-appearance: textfield;
  }
  .qty input::-webkit-inner-spin-button {
    appearance: none;
  }
  .buy,
  .outcome > * {
    flex: 1;
    min-height: 40px;
    padding: 0 14px;
    border-radius: 8px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    font-weight: 600;
    text-decoration: none;
    background: var(--_buy-bg);
    color: var(--_buy-fg);
    white-space: nowrap;
  }
  .buy[disabled] {
    background: #e6e6ea;
    color: #4a4a55;
    cursor: not-allowed;
  }
  .buy.busy {
    cursor: progress;
  }
  .spinner {
    width: 14px;
    height: 14px;
    border: 2px solid currentColor;
    border-top-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  .outcome {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .outcome > :not(:first-child) {
    background: none;
    color: var(--_card-fg);
    border: 1px solid currentColor;
  }
  .outcome > .error {
    flex-basis: 100%;
    min-height: 0;
    padding: 0;
    margin: 0;
    background: none;
    color: var(--_sale);
    border: 0;
    font-weight: 400;
    white-space: normal;
  }

  /* The buy row and the add's outcome: a wrapper only a docked card lays out (its sticky foot). */
  .foot {
    display: contents;
  }

  /*
   * The docked card (phones, the mini-player: about 110 px of height on a 360 px phone). Seen
   * without scrolling: a 32 px image, the title on one line, the price (with "Sold out" or
   * "Only n left" beside it), the first option axis as one sideways-scrolling row, and the buy
   * row, a sticky foot that stays in view while further axes scroll under it. The brand and a
   * plain "In stock" are only read to screen readers. Targets stay at least 24 px (WCAG 2.5.8).
   */
  .docked .close {
    top: 3px;
    z-index: 2;
  }
  .docked .head {
    gap: 8px;
    align-items: center;
  }
  .docked [part~='card-image'] {
    width: 32px;
    height: 32px;
    border-radius: 6px;
  }
  .docked .info {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 8px;
    line-height: 16px;
  }
  .docked .title {
    /* Room for the link's focus ring inside the clipped box (not a baseline: a clipped box's is its bottom). */
    flex: none;
    align-self: flex-start;
    width: calc(100% + 8px);
    margin: -4px;
    padding: 4px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .docked .title a:focus-visible {
    outline-offset: 0;
  }
  .docked .options {
    gap: 5px;
  }
  .docked fieldset {
    /* One row with its label first; scrolls sideways. Padding (cancelled by the margin) keeps focus rings unclipped. */
    flex-wrap: nowrap;
    align-items: center;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scrollbar-width: none;
    padding: 5px;
    margin: -5px;
  }
  .docked legend {
    /* Floated, a legend is an ordinary (flex) child, so it sits inline. */
    float: left;
    flex: none;
    margin: 0;
    margin-inline-end: 2px;
  }
  .docked .pill {
    flex: none;
    min-height: 28px;
  }
  .docked .foot {
    position: sticky;
    bottom: 0;
    z-index: 1;
    display: grid;
    gap: 5px;
    padding-bottom: 5px;
    background: var(--_card-bg);
  }
  .docked .buy,
  .docked .outcome > :not(.error) {
    min-height: 32px;
  }
  .docked .qty button {
    height: 30px;
  }
  .docked .qty input {
    align-self: stretch;
  }
  .docked .outcome {
    /* The store's reason beside Retry, so both stay in the foot's view. */
    flex-wrap: nowrap;
  }
  .docked .outcome > .error {
    flex: 1 1 0;
    min-width: 0;
    font-size: 12px;
    line-height: 16px;
  }
  .docked .outcome > .error ~ * {
    flex: none;
  }

  /* The product list: a drawer at the inline end, above the controls. */
  .list {
    position: absolute;
    top: 0;
    bottom: var(--_controls);
    inset-inline-end: 0;
    width: min(320px, 100%);
    overflow: auto;
    overscroll-behavior: contain;
    background: var(--_card-bg);
    color: var(--_card-fg);
    z-index: 5;
  }
  .list-head {
    position: sticky;
    top: 0;
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 4px 4px 4px 12px;
    padding-inline: 12px 4px;
    background: inherit;
    font-weight: 600;
  }
  .list-head .close {
    position: static;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0 8px 8px;
  }
  [part~='list-item'] {
    width: 100%;
    display: grid;
    grid-template-columns: 48px 1fr;
    gap: 10px;
    align-items: center;
    padding: 6px;
    border-radius: 8px;
    text-align: start;
    border-inline-start: 4px solid transparent;
  }
  [part~='list-item']:hover {
    background: rgb(0 0 0 / 0.05);
  }
  [part~='list-item'].now {
    border-inline-start-color: var(--_sale);
  }
  [part~='list-item'] img,
  .img {
    width: 48px;
    height: 48px;
    border-radius: 6px;
    object-fit: cover;
    background: #eee;
  }
  .text {
    display: grid;
    min-width: 0;
  }
  .badge {
    font-size: 12px;
    font-weight: 600;
    color: var(--_sale);
  }
  svg.bag {
    vertical-align: -3px;
  }
`;
