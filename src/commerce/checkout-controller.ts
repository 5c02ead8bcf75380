/**
 * The checkout of one player: builds the cart flow from the checkout settings (one adapter
 * chunk, loaded on demand), rebuilds it only when they change, and hydrates the show's
 * products with live price and stock from the store. Products are read, never owned: the
 * show passes them in and reads the merged map back.
 */
import type { ShoppableError } from '../internal/errors.js';
import type { Product } from '../timeline/types.js';
import type { CartFlow } from './cart-flow.js';
import type { CheckoutSpec } from './checkout-config.js';
import { shareReads } from './shared-reads.js';
import type { CheckoutAdapter } from './types.js';

/** What hydration brings from the store; everything else stays the show's. */
const LIVE_FIELDS = ['price', 'compareAtPrice', 'currency', 'available', 'variants'] as const;

export interface CheckoutListener {
  /** The flow was replaced, or live product data arrived. */
  onChange(): void;
  onError(error: ShoppableError): void;
}

export class CheckoutController {
  flow: CartFlow | null = null;
  /** The flow last replaced, while its successor loads (its adds in flight carry over). */
  private previousFlow: CartFlow | null = null;
  /** Live store data by product id. */
  private hydrated = new Map<string, Product>();
  private hydrating: AbortController | null = null;
  /** The flow and products of the last hydration asked for. */
  private hydratedFor: { flow: CartFlow; key: string } | null = null;
  private key: string | CheckoutAdapter = '';
  private disposed = false;
  /** The player is near the viewport: only then does it ask the store anything. */
  private near = false;
  /** Products to hydrate once near (and the flow's first cart read, not yet done). */
  private waiting: { products: () => readonly Product[]; refreshed: boolean } | null = null;
  private merged: { base: ReadonlyMap<string, Product>; hydrated: Map<string, Product>; value: ReadonlyMap<string, Product> } | null = null;

  constructor(private readonly listener: CheckoutListener) {}

  /** Builds the flow for `spec`, replacing the old one only when the settings changed. */
  configure({ checkout, adapter, config }: CheckoutSpec, products: () => readonly Product[]): void {
    this.disposed = false;
    const key = adapter ?? (checkout ? `${checkout}:${JSON.stringify({ ...config, eventTarget: undefined })}` : '');
    if (key === this.key) return;
    this.key = key;
    // Replaced, not removed: adds in flight finish and report on the successor's cards.
    const previous = this.flow ?? this.previousFlow;
    this.flow?.retire();
    this.previousFlow = previous;
    this.flow = null;
    this.hydrated = new Map();
    this.listener.onChange();
    if (!key) return;
    void Promise.all([import('./cart-flow.js'), adapter ? null : import('./registry.js')]).then(async ([{ CartFlow }, registry]) => {
      // Built-in adapters share their reads with every player on the page selling through the same store.
      const loaded = adapter ? { ok: true as const, value: adapter } : await registry!.loadAdapter(checkout, config);
      if (this.disposed || this.key !== key) return;
      if (!loaded.ok) return this.error(loaded.error.code, loaded.error.message);
      if (!adapter) loaded.value = shareReads(loaded.value, key as string);
      this.flow = new CartFlow({ adapter: loaded.value, showId: config.showId, ...(previous ? { previous } : {}) });
      this.previousFlow = null;
      this.waiting = { products, refreshed: false };
      this.start();
      this.listener.onChange();
    });
  }

  /** The player came near the viewport (or left it): the store is asked only from then on. */
  setNear(near: boolean): void {
    if (near === this.near) return; // called on every player render: act only on a change
    this.near = near;
    this.start();
  }

  /** The first cart read and hydration, once the flow exists and the player is near. */
  private start(): void {
    const flow = this.flow;
    const waiting = this.waiting;
    if (!flow || !waiting || !this.near) return;
    if (!waiting.refreshed) {
      waiting.refreshed = true;
      void flow.refresh().then((res) => {
        if (!res.ok && res.error.code !== 'UNSUPPORTED' && res.error.code !== 'ABORTED') this.error(res.error.code, res.error.message);
      });
    }
    this.hydrate(waiting.products());
  }

  /** Asks the store for live data, only when the products or their store references changed. */
  hydrate(products: readonly Product[]): void {
    const flow = this.flow;
    if (!flow || !products.length || !this.near) return;
    const key = JSON.stringify(products.map((p) => [p.id, p.refs, p.variants?.map((v) => [v.id, v.refs])]));
    if (flow === this.hydratedFor?.flow && key === this.hydratedFor.key) return;
    this.hydratedFor = { flow, key };
    this.hydrating?.abort();
    const abort = (this.hydrating = new AbortController());
    void flow.hydrate(products).then((res) => {
      if (abort.signal.aborted || this.flow !== flow) return;
      if (!res.ok) {
        this.hydratedFor = null; // a later change may try again
        if (res.error.code !== 'ABORTED') this.error(res.error.code, `Live prices could not be loaded: ${res.error.message}`);
        return;
      }
      this.hydrated = new Map(res.value.map((p) => [p.id, p]));
      this.listener.onChange();
    });
  }

  /** `base` with the store's live fields on top; the same map until either changes. */
  products(base: ReadonlyMap<string, Product>): ReadonlyMap<string, Product> {
    if (!this.hydrated.size) return base;
    const m = this.merged;
    if (m?.base === base && m.hydrated === this.hydrated) return m.value;
    const value = new Map<string, Product>();
    for (const [id, p] of base) {
      const live = this.hydrated.get(id);
      value.set(id, live ? { ...p, ...pick(live, LIVE_FIELDS) } : p);
    }
    this.merged = { base, hydrated: this.hydrated, value };
    return value;
  }

  /** Aborts everything: no request or callback after this. */
  dispose(): void {
    this.disposed = true;
    this.hydrating?.abort();
    this.flow?.dispose();
    this.previousFlow?.dispose();
    this.flow = this.previousFlow = null;
    this.key = '';
  }

  private error(code: string, message: string): void {
    if (!this.disposed) this.listener.onError({ source: 'commerce', code, message, fatal: false });
  }
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (k in from) out[k] = from[k];
  return out;
}
