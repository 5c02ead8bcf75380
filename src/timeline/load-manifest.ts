/**
 * Fetches a show manifest: bounded in time and size, because a show URL is untrusted and a
 * stalled or huge answer must not silently keep the show (and the checkout waiting for its
 * show id) from loading. Never throws: failures are a readable reason.
 */

/** The whole request, headers and body, must finish within this (docs/show-manifest.md). */
export const MANIFEST_TIMEOUT_MS = 15_000;
/** Largest manifest read, in bytes; reading stops at the cap. */
export const MANIFEST_MAX_BYTES = 5 * 1024 * 1024;

export interface LoadManifestOptions {
  /** Aborts the request (the result is then `{ ok: false, aborted: true }`). */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
}

export type LoadedManifest = { ok: true; text: string } | { ok: false; aborted: boolean; reason: string };

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);

/** Reads `url` as text; `reason` completes "The show at … could not be loaded: ". */
export async function loadManifest(url: string, options: LoadManifestOptions = {}): Promise<LoadedManifest> {
  const { signal, timeoutMs = MANIFEST_TIMEOUT_MS, maxBytes = MANIFEST_MAX_BYTES } = options;
  const ctl = new AbortController();
  const stop = () => ctl.abort();
  signal?.addEventListener('abort', stop);
  if (signal?.aborted) stop();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, timeoutMs);
  const tooBig = `it is larger than ${size(maxBytes)}, the limit for a show`;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    const res = await fetch(url, { signal: ctl.signal, credentials: 'same-origin' });
    if (!res.ok) return { ok: false, aborted: false, reason: `the server answered HTTP ${res.status}` };
    if (Number(res.headers.get('content-length')) > maxBytes) {
      void res.body?.cancel().catch(() => undefined);
      return { ok: false, aborted: false, reason: tooBig };
    }
    reader = res.body?.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let read = 0;
    for (;;) {
      const chunk = reader && (await reader.read());
      if (!chunk || chunk.done) break;
      read += chunk.value.length;
      if (read > maxBytes) {
        void reader!.cancel().catch(() => undefined);
        return { ok: false, aborted: false, reason: tooBig };
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
    return { ok: true, text: text + decoder.decode() };
  } catch (err) {
    if (timedOut) return { ok: false, aborted: false, reason: `the server did not answer within ${timeoutMs / 1000} s` };
    if (signal?.aborted) return { ok: false, aborted: true, reason: 'aborted' };
    return { ok: false, aborted: false, reason: `the request failed (${(err as Error).message})` };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}
