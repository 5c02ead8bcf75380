import { css } from 'lit';

export const playerStyles = css`
  :host {
    display: block;
    position: relative;
    /* Theme CSS must not reach inside; these are the documented knobs. */
    --_accent: var(--sv-accent, #fff);
    --_fg: var(--sv-control-color, #fff);
    --_bg: var(--sv-control-background, rgb(0 0 0 / 0.55));
    --_radius: var(--sv-radius, 8px);
    --_font: var(--sv-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_focus: var(--sv-focus-ring, #4c9ffe);
    font: 14px/1.3 var(--_font);
    color: var(--_fg);
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .frame {
    /* Inherited text styles are re-declared here, so a theme's rules on the host (even
       \`* { … !important }\`) do not reach the controls. */
    font: 14px/1.3 var(--_font);
    color: var(--_fg);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: start;
    text-shadow: none;
    white-space: normal;
    visibility: visible;
    cursor: auto;
    position: relative;
    width: 100%;
    aspect-ratio: var(--sv-aspect-ratio, 16 / 9);
    background: #000;
    border-radius: var(--_radius);
    overflow: hidden;
    container-type: inline-size;
    outline: none;
  }
  :host(:fullscreen) .frame,
  :host([fullscreen]) .frame {
    aspect-ratio: auto;
    height: 100%;
    border-radius: 0;
  }
  :host(:fullscreen) {
    width: 100%;
    height: 100%;
    background: #000;
  }
  .frame:focus-visible {
    box-shadow: inset 0 0 0 3px var(--_focus);
  }
  video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: contain;
    display: block;
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    margin: 0;
    cursor: pointer;
    display: inline-grid;
    place-items: center;
    min-width: 40px;
    height: 40px;
    border-radius: 6px;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .overlay {
    position: absolute;
    inset: 0;
    pointer-events: none;
    /* The control bar's height, kept free by the overlay (--sv-controls-height). */
    --_bar: 64px;
  }
  shoppable-overlay {
    position: absolute;
    inset: 0;
  }
  .big-play {
    position: absolute;
    left: 50%;
    top: 50%;
    width: 64px;
    height: 64px;
    margin: -32px 0 0 -32px;
    border-radius: 50%;
    background: var(--_bg);
  }
  .big-play svg {
    width: 36px;
    height: 36px;
  }
  .spinner {
    position: absolute;
    left: 50%;
    top: 50%;
    width: 44px;
    height: 44px;
    margin: -22px 0 0 -22px;
    border: 4px solid rgb(255 255 255 / 0.3);
    border-top-color: #fff;
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
    pointer-events: none;
  }
  .error {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    gap: 8px;
    padding: 16px;
    text-align: center;
    background: rgb(0 0 0 / 0.85);
  }
  .error strong {
    font-size: 1.1em;
  }
  .error p {
    margin: 0;
    max-width: 46ch;
    opacity: 0.9;
    overflow-wrap: anywhere;
  }
  .error button {
    justify-self: center;
    padding: 0 16px;
    background: #fff;
    color: #000;
    font-weight: 600;
  }
  .controls {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    padding: 0 8px;
    background: linear-gradient(transparent, rgb(0 0 0 / 0.7));
    transition: opacity 0.2s;
  }
  :host([playing][idle]) .controls {
    opacity: 0;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 2px;
  }
  .spacer {
    flex: 1;
  }
  .time {
    padding: 0 6px;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* 24 px tall: the WCAG 2.2 minimum target size (2.5.8), for the seek and volume sliders. */
  .seek {
    position: relative;
    height: 24px;
    display: flex;
    align-items: center;
  }
  input[type='range'] {
    width: 100%;
    height: 24px;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
    background: transparent;
  }
  input.volume {
    width: 80px;
  }
  .markers {
    position: absolute;
    inset: 0 8px;
    pointer-events: none;
  }
  button.marker {
    position: absolute;
    top: 50%;
    min-width: 0;
    width: 24px;
    height: 24px;
    margin-block-start: -12px;
    margin-inline-start: -12px;
    pointer-events: auto;
  }
  /* A marker closer than 24 px to the one before it is hidden (src/show/markers.ts). */
  button.marker[hidden] {
    display: none;
  }
  button.marker::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--sv-marker-color, #ffd54a);
    box-shadow: 0 0 0 2px rgb(0 0 0 / 0.5);
  }
  .menu-wrap {
    position: relative;
  }
  [role='menu'] {
    position: absolute;
    bottom: 44px;
    inset-inline-end: 0;
    min-width: 140px;
    padding: 4px;
    margin: 0;
    list-style: none;
    background: rgb(20 20 20 / 0.95);
    border-radius: 8px;
    z-index: 2;
  }
  [role='menuitemradio'] {
    width: 100%;
    justify-content: start;
    display: flex;
    padding: 0 12px;
    gap: 8px;
    white-space: nowrap;
  }
  [role='menuitemradio'][aria-checked='true']::before {
    content: '✓';
  }
  [role='menuitemradio'][aria-checked='false']::before {
    content: '';
    width: 1ch;
  }
  /* Phone-sized players: every button a 44×44 target (touch), none overlapping. */
  @container (max-width: 480px) {
    .volume {
      display: none;
    }
    button {
      min-width: 44px;
      height: 44px;
    }
    .row {
      gap: 0;
    }
    .overlay {
      --_bar: 68px;
    }
    .time {
      padding: 0 4px;
      font-size: 13px;
    }
  }
  @container (max-width: 300px) {
    .time {
      display: none;
    }
  }
`;
