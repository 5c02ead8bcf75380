import { css } from 'lit';

/** The card as a bottom sheet on a phone (44 px targets). */
export const sheetStyles = css`
  /*
   * The sheet (a compact player on a phone): a bottom sheet in the top layer (a manual popover),
   * over the page below the player, so the picture and its hotspot stay in view; at the top edge
   * when the player is in the lower half of the viewport (the mini-player). Every target is at
   * least 44 × 44 px.
   */
  .card.sheet {
    position: fixed;
    inset: auto 0 0;
    margin: 0;
    border: 0;
    width: auto;
    max-width: none;
    height: auto;
    max-height: 60vh;
    padding: 12px 16px 16px;
    gap: 12px;
    border-radius: 16px 16px 0 0;
    box-shadow: 0 -8px 30px rgb(0 0 0 / 0.35);
    font-size: 16px;
  }
  .card.sheet[data-edge='top'] {
    inset: 0 0 auto;
    border-radius: 0 0 16px 16px;
    box-shadow: 0 8px 30px rgb(0 0 0 / 0.35);
  }
  .sheet .close {
    top: 6px;
    inset-inline-end: 6px;
    width: 44px;
    height: 44px;
    font-size: 16px;
  }
  .sheet .head {
    padding-inline-end: 40px;
  }
  .sheet [part~='card-image'] {
    width: 64px;
    height: 64px;
  }
  .sheet .title a {
    /* A 44 px target for the finger (the 24 px minimum with room to spare). */
    display: inline-block;
    padding-block: 10px;
    margin-block: -10px;
  }
  .sheet legend {
    font-size: 13px;
  }
  .sheet fieldset {
    gap: 8px;
  }
  .sheet .pill {
    min-width: 48px;
    min-height: 44px;
  }
  .sheet .qty button {
    width: 44px;
    height: 44px;
  }
  .sheet .qty input {
    align-self: stretch;
    width: 44px;
  }
  .sheet .buy,
  .sheet .outcome > :not(.error) {
    min-height: 44px;
  }
`;
