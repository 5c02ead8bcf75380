/** A response body with the timings hls.js's bandwidth estimate needs. */
export interface Fetched {
  data: string | ArrayBuffer;
  start: number;
  first: number;
  end: number;
}

/**
 * A start-up prefetch gives up after this long without a byte (before the headers or between
 * chunks), so that hls.js's own loader, with its own timeouts and retries, takes over.
 */
export const PREFETCH_STALL_MS = 4000;

/**
 * Fetches `url` as text or bytes, recording start, first byte and end; rejects on HTTP errors,
 * on `signal`, and when no data arrives for `stallMs` (a stalled request never hangs).
 */
export async function fetchTimed(url: string, binary: boolean, signal: AbortSignal, stallMs = PREFETCH_STALL_MS): Promise<Fetched> {
  const ctl = new AbortController();
  const stop = () => ctl.abort(signal.reason);
  signal.addEventListener('abort', stop);
  if (signal.aborted) stop();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => ctl.abort(new DOMException(`${url}: no data for ${stallMs} ms`, 'TimeoutError')), stallMs);
  };
  try {
    const start = performance.now();
    arm();
    const res = await fetch(url, { signal: ctl.signal, credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const first = performance.now();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body?.getReader();
    for (;;) {
      arm();
      const chunk = reader && (await reader.read());
      if (!chunk || chunk.done) break;
      chunks.push(chunk.value);
      size += chunk.value.length;
    }
    const bytes = new Uint8Array(size);
    size = 0;
    for (const c of chunks) bytes.set(c, (size += c.length) - c.length);
    return { data: binary ? bytes.buffer : new TextDecoder().decode(bytes), start, first, end: performance.now() };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}
