import { css } from 'lit';

/** The product list: a drawer at the inline end, above the controls. */
export const productListStyles = css`
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
  .list .teaser-title {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
`;
