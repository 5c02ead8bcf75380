import { css } from 'lit';

/** The one visually-hidden rule: read by screen readers, not shown. */
export const srOnly = css`
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * The \`spin\` animation of the loading spinners (keyframes are scoped to each shadow root, so
 * every component that spins includes this). Slowed down for reduced motion.
 */
export const spinKeyframes = css`
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
`;
