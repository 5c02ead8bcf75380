/**
 * Players on one page that sell through the same store share their reads: one cart read at a
 * time (reused for 2 s while nothing is written), and one live-data request per product for the page's life. Twelve players
 * cost the store what one does. Writes are never shared (each add is its own request), and a
 * cart read that started before a write finished is never handed to a caller after it.
 */
import type { Product } from '../timeline/types.js';
import type { CartSummary, CheckoutAdapter, Result } from './types.js';

/** A finished cart read is reused this long (ms) when nothing was written since. */
const CART_FRESH_MS = 2000;

interface Shared {
  /** The last cart read (in flight or finished), the write generation it started in, and when it settled. */
  cart: { generation: number; promise: Promise<Result<CartSummary>>; settled?: number } | null;
  /** Bumped when a write finishes: later callers must not get an older read. */
  generation: number;
  /** Live data by product (id + store refs), for the page's life; a failure is forgotten. */
  products: Map<string, Promise<Result<Product>>>;
}

const stores = new Map<string, Shared>();
/** Shared requests are not tied to one player: its removal must not abort the others' reads. */
const never = new AbortController().signal;
const productKey = (p: Product) => JSON.stringify([p.id, p.refs, p.variants?.map((v) => [v.id, v.refs])]);

/** `adapter` with its reads shared among every adapter wrapped with the same `key` (the store and its settings). */
export function shareReads(adapter: CheckoutAdapter, key: string): CheckoutAdapter {
  let s = stores.get(key);
  if (!s) stores.set(key, (s = { cart: null, generation: 0, products: new Map() }));
  const shared = s;
  const wrapped: CheckoutAdapter = Object.create(adapter);
  const { getCart, hydrate } = adapter;
  wrapped.addLines = async (lines, options) => {
    try {
      return await adapter.addLines(lines, options);
    } finally {
      shared.generation++;
    }
  };
  if (getCart) {
    wrapped.getCart = (options) => {
      const current = shared.cart;
      const fresh = current && current.generation === shared.generation && (current.settled === undefined || performance.now() - current.settled < CART_FRESH_MS);
      if (fresh) return abortable(current.promise, options.signal);
      const promise = getCart.call(adapter, { signal: never });
      const entry: NonNullable<Shared['cart']> = (shared.cart = { generation: shared.generation, promise });
      // A failed read is not reused; a good one is, for CART_FRESH_MS.
      void promise.then((res) => (res.ok ? (entry.settled = performance.now()) : shared.cart === entry && (shared.cart = null)));
      return abortable(promise, options.signal);
    };
  }
  if (hydrate) {
    wrapped.hydrate = async (products, options) => {
      const keys = products.map(productKey);
      const missing = products.filter((_, i) => !shared.products.has(keys[i]!));
      if (missing.length) {
        const run = hydrate.call(adapter, missing, { signal: never });
        missing.forEach((p, i) => {
          const k = productKey(p);
          const one = run.then((res): Result<Product> => (res.ok ? { ok: true, value: res.value[i] ?? p } : res));
          shared.products.set(k, one);
          void one.then((res) => res.ok || (shared.products.get(k) === one && shared.products.delete(k)));
        });
      }
      const results = await abortable(Promise.all(keys.map((k) => shared.products.get(k)!)), options.signal);
      if ('ok' in results) return results; // aborted
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) return failed;
      return { ok: true, value: results.map((r) => (r as { ok: true; value: Product }).value) };
    };
  }
  return wrapped;
}

/** Resolves with `promise`, or with ABORTED as soon as this caller's `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | { ok: false; error: { code: 'ABORTED'; message: string; retryable: false } }> {
  const aborted = { ok: false as const, error: { code: 'ABORTED' as const, message: 'Aborted.', retryable: false as const } };
  if (signal.aborted) return Promise.resolve(aborted);
  return new Promise((resolve) => {
    const onAbort = () => resolve(aborted);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then((v) => {
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    });
  });
}
