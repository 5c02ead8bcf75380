import { css } from 'lit';

export const pinConsoleStyles = css`
  :host {
    display: block;
    font: 16px/1.4 system-ui, sans-serif;
    color: #1a1a1a;
    background: #fff;
  }
  .layout {
    display: grid;
    gap: 16px;
    grid-template-columns: minmax(0, 1fr);
    padding: 16px;
  }
  @media (min-width: 800px) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
  }
  h1 {
    font-size: 1.25rem;
    margin: 0 0 8px;
  }
  h2 {
    font-size: 1rem;
    margin: 16px 0 8px;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  li {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 8px;
    border: 1px solid #767676;
    border-radius: 8px;
  }
  li.live {
    border-color: #b00020;
    box-shadow: inset 4px 0 0 #b00020;
  }
  img {
    width: 48px;
    height: 48px;
    object-fit: cover;
    border-radius: 4px;
  }
  .key {
    font: 600 0.875rem/1 ui-monospace, monospace;
    min-width: 1.5em;
    text-align: center;
  }
  .title {
    flex: 1;
  }
  button {
    font: inherit;
    min-height: 44px;
    min-width: 88px;
    padding: 8px 16px;
    border-radius: 6px;
    border: 2px solid #1a1a1a;
    background: #fff;
    color: #1a1a1a;
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: #b00020;
    border-color: #b00020;
    color: #fff;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid #005fcc;
    outline-offset: 2px;
  }
  button:disabled {
    cursor: progress;
  }
  .error {
    border: 2px solid #b00020;
    color: #8a0019;
    background: #fff5f6;
    padding: 8px 12px;
    border-radius: 6px;
  }
  .error:empty {
    display: none;
  }
  form {
    display: flex;
    gap: 8px;
    align-items: end;
    flex-wrap: wrap;
  }
  label {
    display: grid;
    gap: 4px;
  }
  input {
    font: inherit;
    min-height: 44px;
    padding: 4px 8px;
    border: 1px solid #767676;
    border-radius: 6px;
  }
  shoppable-video {
    display: block;
    aspect-ratio: 16 / 9;
    background: #000;
  }
  .hint {
    color: #4a4a4a;
    font-size: 0.875rem;
  }
`;
