import { css } from 'lit';

/** The product card: anchored by its hotspot, at the side, or docked at the bottom (compact). */
export const cardStyles = css`
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
    /* Placed below the toolbar (floating-card.ts keeps its 52 px free) and above the controls. */
    max-height: calc(100% - var(--_controls) - 60px);
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
    /* Hung from the top (the toolbar hides while it is open), so it grows downwards when the add's outcome arrives: nothing moves (CLS 0). */
    left: auto;
    top: 4px;
    inset-inline: 8px;
    width: auto;
    max-height: calc(100% - var(--_controls) - 12px);
    /* No bottom padding: the sticky foot carries it (content scrolling under it stays hidden). */
    padding: 5px 10px 0;
    gap: 5px;
    /* A control focused under the sticky foot is scrolled clear of it. */
    scroll-padding-block-end: 48px;
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
    /* At least 24 px tall (WCAG 2.2 target size): padding widens an inline link's box, not its line. */
    padding-block: 4px;
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
  /* Room for the add's outcome kept from the start: Checkout / View cart arriving move nothing (CLS 0). */
  .outcome-slot {
    min-height: 40px;
  }
  .docked .outcome-slot {
    min-height: 0;
  }
  .sheet .outcome-slot {
    min-height: 44px;
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
`;
