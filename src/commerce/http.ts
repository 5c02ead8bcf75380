/**
 * The one fetch wrapper every adapter uses. It never throws: every outcome is a Result in
 * the commerce error vocabulary. Reads are retried with backoff; writes never are (the
 * cart flow re-reads the cart instead, see cart-flow.ts).
 */
import type { AdapterConfig, CartLine, CommerceError, CommerceErrorCode, Result } from './types.js';
import { allowedUrl } from './navigation.js';
import type { MerchantRefs } from '../timeline/types.js';

/** Builds a CommerceError; `retryable` defaults from the code. */
export function fail(code: CommerceErrorCode, message: string, status?: number): { ok: false; error: CommerceError } {
  const retryable = ['CONFLICT', 'RATE_LIMITED', 'NETWORK', 'TIMEOUT'].includes(code) || (status ?? 0) >= 500;
  return { ok: false, error: status === undefined ? { code, message, retryable } : { code, message, status, retryable } };
}

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  signal: AbortSignal;
  /** Per attempt, default 10 000 ms. */
  timeoutMs?: number;
  /** Retries of a read (default 2 for GET, 0 for anything else). Never set it for a write. */
  retries?: number;
  /** Store-specific reading of an error body; `undefined` falls back to the status mapping. */
  mapError?: (status: number, body: any) => CommerceError | undefined;
  /** `omit` for token-based headless sessions (no cookies). Default: the browser's (`same-origin`). */
  credentials?: RequestCredentials;
  /** Sees every response, errors included (e.g. to keep the fresh WooCommerce nonce). */
  onResponse?: (response: Response) => void;
}

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  data: T;
}

/** The store's own message from the usual error body shapes. */
export function storeMessage(body: any): string | undefined {
  const text = body?.description ?? body?.message ?? body?.title ?? body?.detail ?? body?.errors?.[0]?.message;
  return typeof text === 'string' && text ? text : undefined;
}

function byStatus(status: number, body: unknown): CommerceError {
  const code: CommerceErrorCode =
    status === 401 || status === 403 ? 'AUTH_EXPIRED'
    : status === 409 ? 'CONFLICT'
    : status === 422 ? 'NOT_PURCHASABLE'
    : status === 429 ? 'RATE_LIMITED'
    : 'UNKNOWN';
  return fail(code, storeMessage(body) ?? `The store answered HTTP ${status}.`, status).error;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => (clearTimeout(timer), signal.removeEventListener('abort', done), resolve());
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

async function once<T>(url: string, options: RequestOptions): Promise<Result<HttpResponse<T>> & { retryAfter?: number }> {
  const { signal, json, timeoutMs = 10_000 } = options;
  if (signal.aborted) return fail('ABORTED', 'The request was aborted.');
  // AbortSignal.any is not in every supported Safari yet: link the signals by hand.
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs);
  try {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: json === undefined ? null : JSON.stringify(json),
      signal: controller.signal,
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
    options.onResponse?.(response);
    const text = await response.text();
    let data: any;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      const snippet = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
      const error = response.ok
        ? fail('UNKNOWN', `The store's answer was not JSON: "${snippet}".`, response.status).error
        : byStatus(response.status, { message: `The store answered HTTP ${response.status}${snippet ? `: ${snippet}` : ''}`.replace(/[^.!?]$/, '$&.') });
      return { ok: false, error, retryAfter: Number(response.headers.get('retry-after')) || undefined };
    }
    if (!response.ok) {
      const error = options.mapError?.(response.status, data) ?? byStatus(response.status, data);
      return { ok: false, error, retryAfter: Number(response.headers.get('retry-after')) || undefined };
    }
    return ok({ status: response.status, headers: response.headers, data: data as T });
  } catch {
    if (signal.aborted) return fail('ABORTED', 'The request was aborted.');
    if (timedOut) return fail('TIMEOUT', `The store did not answer within ${timeoutMs / 1000} s.`);
    return fail('NETWORK', 'Could not reach the store. Check the connection and try again.');
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Fetches JSON. Network failures, timeouts, 429 and 5xx of a read are retried with backoff
 * (honouring Retry-After up to 5 s); a write is sent exactly once.
 */
export async function request<T = any>(url: string, options: RequestOptions): Promise<Result<HttpResponse<T>>> {
  let retries = options.retries ?? ((options.method ?? 'GET') === 'GET' ? 2 : 0);
  for (let attempt = 0; ; attempt++) {
    const { retryAfter, ...result } = await once<T>(url, options);
    if (result.ok || !result.error.retryable || result.error.code === 'CONFLICT' || retries-- <= 0) return result;
    await sleep(Math.min(retryAfter ? retryAfter * 1000 : 250 * 2 ** attempt, 5000), options.signal);
    if (options.signal.aborted) return fail('ABORTED', 'The request was aborted.');
  }
}

/** The merchant refs of a line: the variant's own, over the product's. */
export function refsOf(line: CartLine): MerchantRefs {
  return { ...line.product.refs, ...line.variant?.refs };
}

/** Digits after the decimal point of a currency (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** A decimal amount (`"19.90"`, `19.9`) in minor units, without float drift. */
export function toMinor(amount: string | number, digits: number): number {
  const [whole = '0', fraction = ''] = String(amount).split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  const minor = Number(whole.replace('-', '')) * 10 ** digits + Number((fraction + '0'.repeat(digits)).slice(0, digits) || 0);
  return sign * minor;
}

/**
 * The page's navigation, replaceable through `config.navigate`. With `config`, the URL must
 * pass the navigation policy (navigation.ts); answers false when it was refused.
 */
export function go(url: string, navigate?: (url: string) => void, config?: AdapterConfig): boolean {
  const target = config ? allowedUrl(url, config) : url;
  if (!target) return false;
  (navigate ?? ((u) => location.assign(u)))(target);
  return true;
}

/**
 * Settles a promise the caller cannot cancel (a page's handler, `Shopify.actions`) as
 * ABORTED when the signal fires; a rejection becomes `onReject(reason)`.
 */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  onReject: (reason: unknown) => CommerceError,
): Promise<Result<T>> {
  return new Promise((resolve) => {
    const aborted = () => resolve(fail('ABORTED', 'The request was aborted.'));
    if (signal.aborted) return aborted();
    signal.addEventListener('abort', aborted, { once: true });
    promise.then(
      (value) => resolve(ok(value)),
      (reason) => resolve({ ok: false, error: onReject(reason) }),
    ).finally(() => signal.removeEventListener('abort', aborted));
  });
}

/**
 * Hydrates products one request each, in parallel. A product the store does not know stays
 * as given; the call fails only when every request failed.
 */
export async function hydrateEach<P>(
  products: readonly P[],
  one: (product: P) => Promise<Result<P>> | undefined,
): Promise<Result<P[]>> {
  const tried = products.map((p) => one(p));
  const results = await Promise.all(tried.map((r, i) => r ?? ok(products[i]!)));
  const failures = results.filter((r, i) => tried[i] && !r.ok);
  if (failures.length && failures.length === tried.filter(Boolean).length) return failures[0] as Result<P[]>;
  return ok(results.map((r, i) => (r.ok ? r.value : products[i]!)));
}

/**
 * A queue: tasks run one after another, in call order. Each adapter module keeps one, so
 * every instance on the page (several players) writes to the store one request at a time:
 * the cart id or token is read once per write, after the previous write settled.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
