/**
 * The headless cart flow the product cards bind to: one request in flight per card, writes
 * serialised (one cart, known baselines), per-card busy/success/error/uncertain state, the
 * cart's count and checkout URL, attribution on the line, and teardown that aborts everything
 * (`dispose`) or lets what is in flight finish (`retire`). Nothing here throws: a throwing
 * adapter or theme hook becomes an UNKNOWN result, and a card is never left busy.
 */
import { fail, ok } from './http.js';
import type { Product } from '../timeline/types.js';
import type { CartLine, CartSummary, CheckoutAdapter, CommerceError, Result } from './types.js';
import { CUE_PROPERTY, SHOW_PROPERTY } from './types.js';
import { ambiguous, guard, message, safeId, unitsOf, wait } from './cart-lines.js';

export { safeId };

/**
 * - `busy`: an add is in flight (further clicks join it);
 * - `success`: the store confirmed the add;
 * - `error`: it did not happen (or only partly: `missing` units); offer Retry only when
 *   `error.retryable`;
 * - `uncertain`: the outcome cannot be known (the answer was lost and there is no cart from
 *   before the add to compare with): say "may have been added — check your cart", no Retry.
 */
export type CardStatus = 'idle' | 'busy' | 'success' | 'error' | 'uncertain';

export interface CardState {
  status: CardStatus;
  /** Set when `status` is `error` or `uncertain`: the store's reason, and whether a retry may help. */
  error?: CommerceError;
  /** With `error`: units of the line the cart still lacks (a retry adds only these). */
  missing?: number;
}

export interface CartFlowOptions {
  /** An adapter, or a loader such as `() => loadAdapter('shopify', config)` called on first use. */
  adapter: CheckoutAdapter | (() => Promise<Result<CheckoutAdapter> | CheckoutAdapter>);
  /** Added to every line as {@link SHOW_PROPERTY} (made safe: see {@link safeId}). */
  showId?: string;
  /**
   * A flow being replaced (checkout settings or show id changed): its adds still in flight
   * become this flow's (clicks join them, their outcome shows on this flow's cards), and its
   * card states carry over. Call `previous.retire()` too.
   */
  previous?: CartFlow;
  /**
   * How long to wait before re-reading the cart after an add whose answer was lost (a slow
   * store may commit after the client gave up). Default 1000 ms.
   */
  settleMs?: number;
}

/** Called with the card key whose state changed, or `undefined` when the cart changed. */
export type CartFlowListener = (key: string | undefined) => void;

type AddResult = Result<CartSummary | undefined>;

interface Attempt {
  line: CartLine;
  /** The cart before the first send of this line, when known. */
  before?: CartSummary;
}

const IDLE: CardState = { status: 'idle' };
const ABORTED = () => fail('ABORTED', 'The cart flow was disposed.');
export class CartFlow {
  private readonly controller = new AbortController();
  private readonly states = new Map<string, CardState>();
  private readonly pending = new Map<string, Promise<AddResult>>();
  private readonly attempts = new Map<string, Attempt>();
  private readonly listeners = new Set<CartFlowListener>();
  private loading?: Promise<Result<CheckoutAdapter>>;
  private adapter?: CheckoutAdapter;
  private _cart?: CartSummary;
  /** True while `_cart` is what the store holds as far as this flow knows (no unknown write since). */
  private known = false;
  /** Cart operations run one after another: one cart, and a baseline no other add of ours moves. */
  private queue: Promise<unknown> = Promise.resolve();
  private retiring = false;

  constructor(private readonly options: CartFlowOptions) {
    const previous = options.previous;
    if (previous) {
      for (const [key, state] of previous.states) if (state.status !== 'busy') this.states.set(key, state);
      for (const [key, attempt] of previous.attempts) this.attempts.set(key, attempt);
      for (const [key, run] of previous.pending) this.adopt(key, run, previous);
      if (previous._cart) this._cart = previous._cart;
    }
  }

  /** The cart as last read or changed, or undefined before the first read. */
  get cart(): CartSummary | undefined {
    return this._cart;
  }

  /** Items in the cart, for the count badge. */
  get cartCount(): number | undefined {
    return this._cart?.itemCount;
  }

  /** Where "Checkout" goes (undefined until the adapter has loaded, or when it throws). */
  get checkoutUrl(): string | undefined {
    try {
      return this.adapter?.checkoutUrl(this._cart) || undefined;
    } catch {
      return undefined;
    }
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
    if (this.options.showId) properties[SHOW_PROPERTY] = safeId(this.options.showId);
    if (cueId) properties[CUE_PROPERTY] = safeId(cueId);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    if (this.disposed || this.retiring) return Promise.resolve(ABORTED());
    return this.start(key, { line: { ...line, properties } }, false);
  }

  /**
   * Tries a failed card's line again, adding only what the cart still lacks: it first waits
   * for a slow store, re-reads the cart and compares with the cart from before the first try.
   * Without that baseline (the outcome was `uncertain`) it sends nothing.
   */
  retry(key: string): Promise<AddResult> {
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const attempt = this.attempts.get(key);
    const { status } = this.state(key);
    if (!attempt || status !== 'error') {
      return Promise.resolve(status === 'uncertain'
        ? fail('UNKNOWN', 'This add may already be in the cart: check the cart instead of retrying.')
        : fail('UNKNOWN', 'Nothing to retry.'));
    }
    if (this.disposed || this.retiring) return Promise.resolve(ABORTED());
    const error = this.state(key).error;
    if (!attempt.before && error && (ambiguous(error) || error.code === 'QUANTITY_LIMIT')) {
      // It may have been (partly) applied and there is nothing to compare with: never resend blindly.
      return Promise.resolve(fail('UNKNOWN', 'This add may already be in the cart: check the cart instead of retrying.'));
    }
    return this.start(key, attempt, true);
  }

  /** Reads the store's cart (for the count badge on mount, and the baseline of later adds). */
  async refresh(): Promise<Result<CartSummary>> {
    const adapter = await this.load();
    if (!adapter.ok) return adapter;
    if (!adapter.value.getCart) return fail('UNSUPPORTED', `The ${adapter.value.name} checkout cannot read the cart.`);
    return this.serial(async () => {
      const res = await this.read(adapter.value);
      return res;
    });
  }

  /** Live prices and stock for the show's products; the products as given when unsupported. */
  async hydrate(products: readonly Product[]): Promise<Result<Product[]>> {
    const adapter = await this.load();
    if (!adapter.ok) return adapter;
    const a = adapter.value;
    if (!a.hydrate) return ok([...products]);
    const res = await guard(a.name, () => a.hydrate!(products, { signal: this.controller.signal }));
    if (res.ok && (!Array.isArray(res.value) || res.value.length !== products.length)) {
      return fail('UNKNOWN', `The ${a.name} checkout answered hydration with ${Array.isArray(res.value) ? res.value.length : 'no'} products for ${products.length}.`);
    }
    return res;
  }

  /** "View cart": the theme's drawer where the adapter can open it, else the cart page. Never throws. */
  async openCart(): Promise<void> {
    try {
      await this.adapter?.openCart?.();
    } catch (e) {
      console.warn(`shoppable-video: the ${this.adapter?.name} checkout could not open the cart: ${message(e)}`);
    }
  }

  /** Element removed: aborts every request in flight; every pending add settles as ABORTED. */
  dispose(): void {
    this.controller.abort();
    this.listeners.clear();
  }

  /**
   * The flow is being replaced (settings changed) but the page stays: new adds are refused,
   * adds in flight finish and report to their callers and listeners (and to a successor built
   * with `previous: this`), then the flow disposes itself.
   */
  retire(): void {
    if (this.retiring || this.disposed) return;
    this.retiring = true;
    void Promise.allSettled([...this.pending.values()]).then(() => this.dispose());
  }

  private get disposed() {
    return this.controller.signal.aborted;
  }

  /** Shows a predecessor's add in flight on this flow's card, and joins clicks to it. */
  private adopt(key: string, run: Promise<AddResult>, from: CartFlow) {
    this.states.set(key, { status: 'busy' });
    const joined = run.then((result) => {
      this.pending.delete(key);
      if (this.disposed) return result;
      if (from._cart) this.setCart(from._cart);
      this.setState(key, from.state(key));
      return result;
    });
    this.pending.set(key, joined);
  }

  private start(key: string, attempt: Attempt, again: boolean): Promise<AddResult> {
    this.setState(key, { status: 'busy' });
    const run = this.serial(() => this.run(key, attempt, again))
      .catch((e) => fail('UNKNOWN', `The cart flow failed: ${message(e)}`) as AddResult)
      .then((result) => {
        this.pending.delete(key);
        if (this.disposed && !this.retiring) return result.ok ? ABORTED() : result;
        if (!this.disposed || this.retiring) this.settle(key, result);
        return result;
      });
    this.pending.set(key, run);
    return run;
  }

  /** The card state for a finished add (set in `run` for error and uncertain outcomes). */
  private settle(key: string, result: AddResult) {
    if (result.ok) this.setState(key, { status: 'success' });
    else if (this.state(key).status === 'busy') this.setState(key, { status: 'error', error: result.error });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(key: string, attempt: Attempt, again: boolean): Promise<AddResult> {
    const loaded = await this.load();
    if (!loaded.ok) return loaded;
    const adapter = loaded.value;
    const signal = this.controller.signal;
    let { line } = attempt;
    if (!again) {
      attempt = { line, ...(this.known && this._cart ? { before: this._cart } : {}) };
      this.attempts.set(key, attempt);
    } else if (attempt.before && adapter.getCart) {
      // A slow store may have committed the first try after we gave up: look before resending.
      await wait(this.options.settleMs ?? 1000, signal);
      const now = await this.read(adapter);
      if (!now.ok) return this.failed(key, now.error, attempt.line.quantity);
      const missing = attempt.line.quantity - (unitsOf(now.value, attempt.line) - unitsOf(attempt.before, attempt.line));
      if (missing <= 0) return ok(now.value);
      line = { ...attempt.line, quantity: missing };
    }
    const before = again ? this._cart : attempt.before;
    let result = await guard(adapter.name, () => adapter.addLines([line], { signal }));
    if (!result.ok && result.error.code === 'CONFLICT' && adapter.getCart) {
      // A conflict was not applied: re-read (fresh keys and versions), then send once more.
      await this.read(adapter);
      result = await guard(adapter.name, () => adapter.addLines([line], { signal }));
    }
    if (result.ok) {
      let cart = result.value;
      if (!cart && adapter.getCart) {
        const read = await this.read(adapter);
        cart = read.ok ? read.value : undefined;
      }
      if (this.disposed && !this.retiring) return result;
      if (cart) this.setCart(cart);
      else this.known = false;
      this.notify(adapter, cart);
      return ok(cart);
    }
    if (result.error.code === 'ABORTED' || (this.disposed && !this.retiring)) return result;
    if (!adapter.getCart) {
      if (ambiguous(result.error)) return this.uncertain(key, result.error);
      return result;
    }
    // Never send an add twice blindly: re-read the cart so it shows exactly what succeeded
    // (partial adds, answers lost on the way back). After a lost answer, give a slow store a
    // moment to commit first.
    if (ambiguous(result.error)) await wait(this.options.settleMs ?? 1000, signal);
    const after = await this.read(adapter);
    if (!after.ok) {
      if (ambiguous(result.error)) this.known = false;
      return before || !ambiguous(result.error) ? this.failed(key, result.error, line.quantity) : this.uncertain(key, result.error);
    }
    if (!before) {
      // Nothing to compare with: a definite refusal stands; a lost answer cannot be judged.
      return ambiguous(result.error) ? this.uncertain(key, result.error) : this.failed(key, result.error, undefined);
    }
    const added = unitsOf(after.value, line) - unitsOf(before, line);
    if (added > 0) this.notify(adapter, after.value);
    const wanted = again ? line.quantity : attempt.line.quantity;
    if (added >= wanted && ambiguous(result.error)) return ok(after.value);
    return this.failed(key, result.error, Math.max(0, wanted - Math.max(0, added)));
  }

  private failed(key: string, error: CommerceError, missing: number | undefined): AddResult {
    if (!this.disposed || this.retiring) this.setState(key, missing === undefined ? { status: 'error', error } : { status: 'error', error, missing });
    return { ok: false, error };
  }

  private uncertain(key: string, error: CommerceError): AddResult {
    this.known = false;
    this.attempts.delete(key);
    if (!this.disposed || this.retiring) this.setState(key, { status: 'uncertain', error: { ...error, retryable: false } });
    return { ok: false, error };
  }

  /** Tells the theme; a throwing hook is reported once on the console, never to the shopper's add. */
  private notify(adapter: CheckoutAdapter, cart: CartSummary | undefined) {
    try {
      adapter.notifyCartChanged?.(cart);
    } catch (e) {
      console.warn(`shoppable-video: the ${adapter.name} theme refresh failed after an add: ${message(e)}`);
    }
  }

  private async read(adapter: CheckoutAdapter): Promise<Result<CartSummary>> {
    const res = await guard(adapter.name, () => adapter.getCart!({ signal: this.controller.signal }));
    if (this.disposed && !this.retiring) return ABORTED();
    if (res.ok && !(res.value && Array.isArray(res.value.lines))) return fail('UNKNOWN', `The ${adapter.name} checkout answered an unreadable cart.`);
    if (res.ok) this.setCart(res.value);
    return res;
  }

  private load(): Promise<Result<CheckoutAdapter>> {
    const source = this.options.adapter;
    this.loading ??= Promise.resolve()
      .then(() => (typeof source === 'function' ? source() : source))
      .then(
        (a) => (a && 'addLines' in a ? ok(a) : a && 'ok' in a ? a : fail('UNKNOWN', 'The checkout adapter is not an adapter.')),
        () => fail('NETWORK', 'Could not load the checkout adapter.'),
      )
      .then((res) => {
        if (res.ok) this.adapter = res.value;
        else this.loading = undefined; // let a later call try again
        return this.disposed && !this.retiring ? ABORTED() : res;
      });
    return this.loading;
  }

  private setState(key: string, state: CardState) {
    this.states.set(key, state);
    this.emit(key);
  }

  private setCart(cart: CartSummary) {
    this._cart = cart;
    this.known = true;
    this.emit(undefined);
  }

  private emit(key: string | undefined) {
    for (const listener of [...this.listeners]) {
      try {
        listener(key);
      } catch (e) {
        console.warn(`shoppable-video: a cart flow listener threw: ${message(e)}`);
      }
    }
  }
}
