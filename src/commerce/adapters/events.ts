/**
 * `checkout="events"`: the page does the work. Each call dispatches a cancelable, bubbling,
 * composed CustomEvent on the host element (`eventTarget`, default `document`) whose
 * detail has a `respondWith(promise)`; the page answers with a promise:
 *
 * - `sv-add-to-cart`  detail `{lines, signal, respondWith}`, resolve with a CartSummary or nothing;
 * - `sv-get-cart`     detail `{signal, respondWith}`, resolve with a CartSummary;
 * - `sv-hydrate`      detail `{products, signal, respondWith}`, resolve with the products;
 * - `sv-open-cart`    detail `{}`; nothing to answer.
 *
 * Reject with `{code, message}` (a code of the shared vocabulary) to report a failure.
 * Calling `preventDefault()` without answering declines the call (NOT_PURCHASABLE).
 */
import { fail, go, untilAborted } from '../http.js';
import { allowedUrl } from '../navigation.js';
import type { AdapterConfig, CartLine, CartSummary, CheckoutAdapter, CommerceErrorCode, Result } from '../types.js';
import type { Product } from '../../timeline/types.js';

/** The detail of every answerable event of the events adapter. */
export interface AnswerableDetail<T> {
  /** Aborted when the player is removed; pass it to your fetch. */
  signal: AbortSignal;
  /** Answer the event; call it synchronously inside the listener. */
  respondWith(answer: T | Promise<T>): void;
}
export interface AddToCartDetail extends AnswerableDetail<CartSummary | void> {
  lines: readonly CartLine[];
}
export interface HydrateDetail extends AnswerableDetail<Product[]> {
  products: readonly Product[];
}

const CODES = ['OUT_OF_STOCK', 'QUANTITY_LIMIT', 'NOT_PURCHASABLE', 'CONFLICT', 'AUTH_EXPIRED', 'RATE_LIMITED', 'NETWORK', 'TIMEOUT', 'UNSUPPORTED', 'UNKNOWN'];

export default function events(config: AdapterConfig): CheckoutAdapter {
  const target = () => config.eventTarget ?? document;

  function ask<T>(type: string, detail: object, signal: AbortSignal): Promise<Result<T>> {
    if (signal.aborted) return Promise.resolve(fail('ABORTED', 'The request was aborted.'));
    let answer: Promise<T> | undefined;
    const event = new CustomEvent(type, {
      bubbles: true, composed: true, cancelable: true,
      detail: { ...detail, signal, respondWith: (a: T | Promise<T>) => void (answer = Promise.resolve(a)) },
    });
    target().dispatchEvent(event);
    if (!answer) {
      return Promise.resolve(event.defaultPrevented
        ? fail('NOT_PURCHASABLE', 'The page declined this request.')
        : fail('UNSUPPORTED', `No listener answered ${type}; call event.detail.respondWith(promise).`));
    }
    return untilAborted(answer, signal, (reason: any) => {
      const code = CODES.includes(reason?.code) ? (reason.code as CommerceErrorCode) : 'UNKNOWN';
      return fail(code, reason?.message || 'The page could not complete the request.').error;
    });
  }

  return {
    name: 'events',
    hydrate: (products, { signal }) => ask<Product[]>('sv-hydrate', { products }, signal),
    addLines: async (lines, { signal }) => {
      const res = await ask<CartSummary | void>('sv-add-to-cart', { lines }, signal);
      return res.ok ? { ok: true, value: res.value || undefined } : res;
    },
    getCart: ({ signal }) => ask<CartSummary>('sv-get-cart', {}, signal),
    checkoutUrl: (cart) => allowedUrl(config.checkoutUrl ?? cart?.checkoutUrl, config),
    openCart() {
      const event = new CustomEvent('sv-open-cart', { bubbles: true, composed: true, cancelable: true, detail: {} });
      if (target().dispatchEvent(event) && config.cartUrl) go(config.cartUrl, config.navigate, config);
    },
  };
}
