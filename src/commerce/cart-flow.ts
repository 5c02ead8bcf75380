/**
 * The headless cart flow the product cards bind to: one request in flight per card,
 * per-card busy/success/error state, the cart's count and checkout URL, attribution on
 * the line, and teardown that aborts everything and ignores late answers.
 */
import { fail, ok } from './http.js';
import type { Product } from '../timeline/types.js';
import type { CartLine, CartSummary, CheckoutAdapter, CommerceError, Result } from './types.js';
import { CUE_PROPERTY, SHOW_PROPERTY } from './types.js';

export type CardStatus = 'idle' | 'busy' | 'success' | 'error';

export interface CardState {
  status: CardStatus;
  /** Set when `status` is `error`: the store's reason, and whether a retry may help. */
  error?: CommerceError;
}

export interface CartFlowOptions {
  /** An adapter, or a loader such as `() => loadAdapter('shopify', config)` called on first use. */
  adapter: CheckoutAdapter | (() => Promise<Result<CheckoutAdapter> | CheckoutAdapter>);
  /** Added to every line as {@link SHOW_PROPERTY}. */
  showId?: string;
}

/** Called with the card key whose state changed, or `undefined` when the cart changed. */
export type CartFlowListener = (key: string | undefined) => void;

type AddResult = Result<CartSummary | undefined>;

const IDLE: CardState = { status: 'idle' };
const ABORTED = () => fail('ABORTED', 'The cart flow was disposed.');
/** Failures after which the add may or may not have happened. */
const ambiguous = (e: CommerceError) => e.code === 'NETWORK' || e.code === 'TIMEOUT' || (e.status ?? 0) >= 500;
const tail = (id?: string) => id?.split('?')[0]?.split('/').pop();

/** Units of the line's variant in a cart (ids compared without gid prefixes). */
function unitsOf(cart: CartSummary, line: CartLine): number {
  const { sku: _sku, shopifyHandle: _h, ...refs } = { ...line.product.refs, ...line.variant?.refs };
  const ids = new Set(Object.values(refs).map(tail).filter(Boolean));
  return cart.lines.reduce((n, l) => n + (l.variantId && ids.has(tail(l.variantId)) ? l.quantity : 0), 0);
}

export class CartFlow {
  private readonly controller = new AbortController();
  private readonly states = new Map<string, CardState>();
  private readonly pending = new Map<string, Promise<AddResult>>();
  private readonly lines = new Map<string, CartLine>();
  private readonly listeners = new Set<CartFlowListener>();
  private loading?: Promise<Result<CheckoutAdapter>>;
  private adapter?: CheckoutAdapter;
  private _cart?: CartSummary;

  constructor(private readonly options: CartFlowOptions) {}

  /** The cart as last read or changed, or undefined before the first read. */
  get cart(): CartSummary | undefined {
    return this._cart;
  }

  /** Items in the cart, for the count badge. */
  get cartCount(): number | undefined {
    return this._cart?.itemCount;
  }

  /** Where "Checkout" goes (undefined until the adapter has loaded). */
  get checkoutUrl(): string | undefined {
    return this.adapter?.checkoutUrl(this._cart);
  }

  /** True when the adapter can show a cart ("View cart"). */
  get canOpenCart(): boolean {
    return Boolean(this.adapter?.openCart);
  }

  /** The state of one card. */
  state(key: string): CardState {
    return this.states.get(key) ?? IDLE;
  }

  /** Calls `listener` on every state or cart change; returns the unsubscribe function. */
  subscribe(listener: CartFlowListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Adds a line for a card. While that card's add is in flight, further calls return the
   * same promise: a double click adds once. The show id (and `cueId`) travel on the line.
   */
  add(key: string, line: CartLine, cueId?: string): Promise<AddResult> {
    const properties = { ...line.properties };
    if (this.options.showId) properties[SHOW_PROPERTY] = this.options.showId;
    if (cueId) properties[CUE_PROPERTY] = cueId;
    return this.start(key, { ...line, properties });
  }

  /** Sends a failed card's line again. */
  retry(key: string): Promise<AddResult> {
    const line = this.lines.get(key);
    if (!line || this.state(key).status !== 'error') return this.pending.get(key) ?? Promise.resolve(fail('UNKNOWN', 'Nothing to retry.'));
    return this.start(key, line);
  }

  /** Reads the store's cart (for the count badge on mount). */
  async refresh(): Promise<Result<CartSummary>> {
    const adapter = await this.load();
    if (!adapter.ok) return adapter;
    if (!adapter.value.getCart) return fail('UNSUPPORTED', `The ${adapter.value.name} checkout cannot read the cart.`);
    const res = await adapter.value.getCart({ signal: this.controller.signal });
    if (res.ok) this.setCart(res.value);
    return res;
  }

  /** Live prices and stock for the show's products; the products as given when unsupported. */
  async hydrate(products: readonly Product[]): Promise<Result<Product[]>> {
    const adapter = await this.load();
    if (!adapter.ok) return adapter;
    return adapter.value.hydrate ? adapter.value.hydrate(products, { signal: this.controller.signal }) : ok([...products]);
  }

  /** "View cart": the theme's drawer where the adapter can open it, else the cart page. */
  async openCart(): Promise<void> {
    await this.adapter?.openCart?.();
  }

  /** Aborts every request in flight; late answers are ignored and every pending add settles as ABORTED. */
  dispose(): void {
    this.controller.abort();
    this.listeners.clear();
  }

  private get disposed() {
    return this.controller.signal.aborted;
  }

  private start(key: string, line: CartLine): Promise<AddResult> {
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    if (this.disposed) return Promise.resolve(ABORTED());
    this.lines.set(key, line);
    this.setState(key, { status: 'busy' });
    const run = this.run(line).then((result) => {
      this.pending.delete(key);
      if (this.disposed) return result.ok ? ABORTED() : result;
      this.setState(key, result.ok ? { status: 'success' } : { status: 'error', error: result.error });
      return result;
    });
    this.pending.set(key, run);
    return run;
  }

  private async run(line: CartLine): Promise<AddResult> {
    const loaded = await this.load();
    if (!loaded.ok) return loaded;
    const adapter = loaded.value;
    const signal = this.controller.signal;
    const before = this._cart;
    let result = await adapter.addLines([line], { signal });
    if (!result.ok && result.error.code === 'CONFLICT' && adapter.getCart) {
      // A conflict was not applied: re-read (fresh keys and versions), then send once more.
      await this.read(adapter);
      result = await adapter.addLines([line], { signal });
    }
    if (result.ok) {
      const cart = result.value ?? (adapter.getCart ? await this.read(adapter) : undefined);
      if (this.disposed) return result;
      if (cart) this.setCart(cart);
      adapter.notifyCartChanged?.(cart);
      return ok(cart);
    }
    if (result.error.code === 'ABORTED' || this.disposed || !adapter.getCart) return result;
    // Never send an add twice blindly: re-read the cart so it shows exactly what succeeded
    // (partial adds, answers lost on the way back), and count a lost answer as success.
    const after = await this.read(adapter);
    if (!after || this.disposed) return result;
    const added = before ? unitsOf(after, line) - unitsOf(before, line) : 0;
    if (added > 0) adapter.notifyCartChanged?.(after);
    return ambiguous(result.error) && added >= line.quantity ? ok(after) : result;
  }

  private async read(adapter: CheckoutAdapter): Promise<CartSummary | undefined> {
    const res = await adapter.getCart!({ signal: this.controller.signal });
    if (!res.ok || this.disposed) return undefined;
    this.setCart(res.value);
    return res.value;
  }

  private load(): Promise<Result<CheckoutAdapter>> {
    const source = this.options.adapter;
    this.loading ??= Promise.resolve(typeof source === 'function' ? source() : source).then(
      (a) => ('addLines' in a ? ok(a) : a),
      () => fail('NETWORK', 'Could not load the checkout adapter.'),
    ).then((res) => {
      if (res.ok) this.adapter = res.value;
      else this.loading = undefined; // let a later call try again
      return this.disposed ? ABORTED() : res;
    });
    return this.loading;
  }

  private setState(key: string, state: CardState) {
    this.states.set(key, state);
    this.emit(key);
  }

  private setCart(cart: CartSummary) {
    this._cart = cart;
    this.emit(undefined);
  }

  private emit(key: string | undefined) {
    for (const listener of this.listeners) listener(key);
  }
}
