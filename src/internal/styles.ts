import { css } from 'lit';

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
