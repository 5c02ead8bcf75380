import { css } from 'lit';

export const feedStyles = css`
  :host {
    display: block;
    --_tile: var(--sv-feed-tile-width, 160px);
    --_gap: var(--sv-feed-gap, 12px);
    --_radius: var(--sv-radius, 8px);
    --_font: var(--sv-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_focus: var(--sv-focus-ring, #4c9ffe);
    --_fg: var(--sv-feed-color, #fff);
    font: 14px/1.3 var(--_font);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .list {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: var(--_tile);
    gap: var(--_gap);
    margin: 0;
    padding: 6px;
    list-style: none;
    overflow-x: auto;
    scroll-snap-type: x mandatory;
    overscroll-behavior-x: contain;
  }
  :host([layout='grid']) .list {
    grid-auto-flow: row;
    grid-template-columns: repeat(auto-fill, minmax(var(--_tile), 1fr));
    overflow: visible;
  }
  .tile {
    position: relative;
    aspect-ratio: 9 / 16;
    scroll-snap-align: start;
    border-radius: var(--_radius);
    background: #222;
  }
  .open {
    all: unset;
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
    overflow: hidden;
    cursor: pointer;
  }
  .open:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .poster,
  .preview {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .preview {
    z-index: 1;
    pointer-events: none;
    --sv-radius: 0;
  }
  .info {
    position: absolute;
    z-index: 2;
    inset: auto 0 0;
    display: grid;
    gap: 2px;
    padding: 24px 10px 10px;
    color: var(--_fg);
    background: linear-gradient(transparent, rgb(0 0 0 / 0.75));
    border-radius: 0 0 var(--_radius) var(--_radius);
    pointer-events: none;
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  dialog {
    position: fixed;
    inset: 0;
    width: 100%;
    height: 100%;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    color: #fff;
    font: 14px/1.3 var(--_font);
    overflow: hidden;
  }
  dialog[open] {
    display: flex;
    align-items: center;
    justify-content: center;
  }
  dialog::backdrop {
    background: var(--sv-feed-backdrop, rgb(0 0 0 / 0.85));
  }
  .stage {
    display: flex;
    flex-direction: column;
    height: calc(100% - 32px);
    aspect-ratio: 9 / 19;
    max-width: 100%;
    background: #000;
    border-radius: var(--_radius);
    overflow: hidden;
    touch-action: none;
  }
  .bars {
    display: flex;
    gap: 3px;
    padding: 8px 8px 0;
  }
  .bar {
    flex: 1;
    height: 3px;
    border-radius: 2px;
    background: rgb(255 255 255 / 0.35);
    overflow: hidden;
  }
  .fill {
    display: block;
    height: 100%;
    background: var(--sv-accent, #fff);
    transform-origin: left;
    transform: scaleX(var(--p, 0));
  }
  :host(:dir(rtl)) .fill {
    transform-origin: right;
  }
  .head {
    display: flex;
    align-items: center;
    gap: 4px;
    padding: 4px 8px;
  }
  .head h2 {
    flex: 1;
    margin: 0;
    font-size: 14px;
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .head button {
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    color: #fff;
    background: rgb(255 255 255 / 0.14);
    cursor: pointer;
  }
  .head button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .head button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .head svg {
    width: 22px;
    height: 22px;
    fill: currentColor;
  }
  :host(:dir(rtl)) .flip {
    transform: scaleX(-1);
  }
  .players {
    position: relative;
    flex: 1;
    min-height: 0;
  }
  .players > * {
    position: absolute;
    inset: 0;
    margin: auto;
    height: fit-content;
    max-height: 100%;
    --sv-radius: 0;
    opacity: 0;
    pointer-events: none;
  }
  .players > .current {
    opacity: 1;
    pointer-events: auto;
    animation: enter 0.2s ease-out;
  }
  @keyframes enter {
    from {
      opacity: 0;
      transform: translateY(var(--sv-feed-enter, 24px));
    }
  }
  @media (max-width: 600px) {
    .stage {
      height: 100%;
      width: 100%;
      aspect-ratio: auto;
      border-radius: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .players > .current {
      animation: none;
    }
    .list {
      scroll-behavior: auto;
    }
  }
`;
