/** Helpers of the cart flow: ambiguity of a failure, units of a line in a cart, safe ids, guarded adapter calls. */
import { fail } from './http.js';
import type { CartLine, CartSummary, CommerceError, Result } from './types.js';

/** Failures after which the add may or may not have happened. */
export const ambiguous = (e: CommerceError) =>
  e.code === 'NETWORK' || e.code === 'TIMEOUT' || (e.status ?? 0) >= 500 ||
  // A throwing adapter, or a 2xx the adapter could not read: it may have been applied.
  (e.code === 'UNKNOWN' && (e.status === undefined || e.status < 300));
export const tail = (id?: string) => id?.split('?')[0]?.split('/').pop();
export const message = (e: unknown) => (e instanceof Error && e.message ? e.message : String(e || 'unknown error'));
export const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => (clearTimeout(timer), signal.removeEventListener('abort', done), resolve());
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * A show or cue id as it may travel on a cart line: letters, digits and `._:-` only
 * (anything else becomes `-`), at most 64 characters. Line properties reach orders, emails
 * and admin screens; store-provided ids are untrusted.
 */
export function safeId(id: string): string {
  return id.replace(/[^\w.:-]/g, '-').slice(0, 64);
}

/** Units of the line's variant in a cart (ids compared without gid prefixes). */
export function unitsOf(cart: CartSummary, line: CartLine): number {
  const { sku: _sku, shopifyHandle: _h, ...refs } = { ...line.product.refs, ...line.variant?.refs };
  const ids = new Set(Object.values(refs).map(tail).filter(Boolean));
  return cart.lines.reduce((n, l) => n + (l.variantId && ids.has(tail(l.variantId)) ? l.quantity : 0), 0);
}

/** Calls an adapter method; a throw or a rejection becomes an UNKNOWN result. */
export async function guard<T>(name: string, call: () => Promise<Result<T>> | undefined): Promise<Result<T>> {
  try {
    const res = await call();
    if (res && typeof res === 'object' && typeof res.ok === 'boolean') return res;
    return fail('UNKNOWN', `The ${name} checkout gave no answer.`);
  } catch (e) {
    return fail('UNKNOWN', `The ${name} checkout failed: ${message(e)}`);
  }
}
