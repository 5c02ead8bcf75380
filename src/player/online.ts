/**
 * After a fatal network error: calls `resume` once, when the browser fires `online` (the
 * connection is back), so playback resumes without the shopper pressing Try again.
 * Returns the teardown (removes the listener).
 */
export function onceOnline(resume: () => void): () => void {
  const off = () => window.removeEventListener('online', fire);
  const fire = () => {
    off();
    resume();
  };
  window.addEventListener('online', fire);
  return off;
}
