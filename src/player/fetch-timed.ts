/** A response body with the timings hls.js's bandwidth estimate needs. */
export interface Fetched {
  data: string | ArrayBuffer;
  start: number;
  first: number;
  end: number;
}

/** Fetches `url` as text or bytes, recording start, first byte and end; rejects on HTTP errors. */
export async function fetchTimed(url: string, binary: boolean, signal: AbortSignal): Promise<Fetched> {
  const start = performance.now();
  const res = await fetch(url, { signal, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const first = performance.now();
  const data = binary ? await res.arrayBuffer() : await res.text();
  return { data, start, first, end: performance.now() };
}
