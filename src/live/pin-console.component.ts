/**
 * `<shoppable-pin-console>`: the host's console for a live show. Lists the show's products with
 * one-click pin/unpin (keys 1–9), shows what is live now, and a preview player on the stream.
 * Talks to the pin service (`service` URL) with a bearer token. Not loaded by the player.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { ShoppableElement } from '../internal/base-element.js';
import { reportError } from '../internal/errors.js';
import { parseShow } from '../timeline/manifest.js';
import type { Product } from '../timeline/types.js';
import { pinConsoleStyles } from './pin-console.styles.js';

/** A pin as `GET /pins` returns it. */
export interface ConsolePin {
  id: string;
  productId: string;
  start: string;
  end?: string;
  live: boolean;
  label?: string;
}

/** `sv-pin-change` detail: the pins after the change. */
export interface PinChangeDetail {
  pins: ConsolePin[];
}

type Failure = { code: 'PINS_UNAUTHORIZED' | 'PINS_UNREACHABLE' | 'PINS_REFUSED' | 'SHOW_LOAD_FAILED'; message: string };

/**
 * @event {CustomEvent<ShoppableError>} sv-error - `{source: 'live', code, message}` when the service refuses the token, cannot be reached or refuses a pin.
 * @event {CustomEvent<PinChangeDetail>} sv-pin-change - `{pins}` after the console pinned or unpinned a product.
 */
export class ShoppablePinConsole extends ShoppableElement {
  static override styles = pinConsoleStyles;
  static override properties = {
    service: { type: String },
    token: { type: String },
    show: { type: String },
    src: { type: String },
    products: { state: true },
    pins: { state: true },
    failure: { state: true },
    busy: { state: true },
  };

  /** The pin service's base URL (relative URLs resolve against the page). */
  service = '';
  /** The bearer token; when empty the console asks for it. */
  token = '';
  /** Show manifest URL: the product list. */
  show = '';
  /** Stream URL for the preview player. */
  src = '';

  products: Product[] = [];
  pins: ConsolePin[] = [];
  failure: Failure | null = null;
  busy = false;
  #generation = 0;

  constructor() {
    super();
    this.addEventListener('keydown', this.#onKey);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('show')) void this.#loadShow();
    if (changed.has('service') || changed.has('token')) void this.refresh();
  }

  #url(path: string): string {
    const base = new URL(this.service || './', document.baseURI);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    return new URL(path, base).href;
  }

  #fail(failure: Failure): void {
    this.failure = failure;
    reportError(this, { source: 'live', code: failure.code, message: failure.message, fatal: false });
  }

  async #request(method: string, path: string, body?: unknown): Promise<unknown | undefined> {
    let res: Response;
    try {
      res = await fetch(this.#url(path), {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : null,
      });
    } catch {
      this.#fail({ code: 'PINS_UNREACHABLE', message: `The pin service at ${this.#url('')} cannot be reached. Check the address and that it is running.` });
      return undefined;
    }
    let json: { error?: { message?: string } } | undefined;
    try {
      json = await res.json();
    } catch {
      json = undefined;
    }
    if (res.status === 401) {
      this.#fail({ code: 'PINS_UNAUTHORIZED', message: 'The pin service refused the token. Enter the token the service was started with.' });
      return undefined;
    }
    if (!res.ok) {
      this.#fail({ code: 'PINS_REFUSED', message: `The pin service refused: ${json?.error?.message ?? `HTTP ${res.status}`}` });
      return undefined;
    }
    this.failure = null;
    return json;
  }

  /** Reloads the pins from the service. */
  async refresh(): Promise<void> {
    if (!this.token) return;
    const generation = ++this.#generation;
    const body = (await this.#request('GET', 'pins')) as { pins?: ConsolePin[] } | undefined;
    if (generation === this.#generation && body?.pins) this.pins = body.pins;
  }

  async #loadShow(): Promise<void> {
    if (!this.show) return;
    try {
      const showUrl = new URL(this.show, document.baseURI).href;
      const res = await fetch(showUrl);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const { show } = parseShow(await res.json());
      // Image URLs are relative to the manifest, as in the player.
      this.products = (show?.products ?? []).map((p) => (p.image ? { ...p, image: new URL(p.image, showUrl).href } : p));
      if (!show) throw new Error('not a show manifest');
    } catch (e) {
      this.#fail({ code: 'SHOW_LOAD_FAILED', message: `The show ${this.show} could not be loaded (${String((e as Error).message ?? e)}).` });
    }
  }

  #livePin(productId: string): ConsolePin | undefined {
    return this.pins.find((p) => p.productId === productId && p.live);
  }

  /** Pins the product, or unpins it when it is live. */
  async toggle(productId: string): Promise<void> {
    if (this.busy || !this.token) return;
    this.busy = true;
    try {
      const live = this.#livePin(productId);
      const ok = live ? await this.#request('DELETE', `pins/${encodeURIComponent(live.id)}`) : await this.#request('POST', 'pins', { productId });
      if (ok) {
        await this.refresh();
        this.emit<PinChangeDetail>('sv-pin-change', { pins: this.pins });
      }
    } finally {
      this.busy = false;
    }
  }

  #onKey = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey || !/^[1-9]$/.test(e.key)) return;
    if (e.composedPath().some((t) => t instanceof HTMLInputElement)) return;
    const product = this.products[Number(e.key) - 1];
    if (!product) return;
    e.preventDefault();
    void this.toggle(product.id);
  };

  #onToken = (e: SubmitEvent): void => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    this.token = input.value.trim();
  };

  protected override render() {
    const live = this.pins.filter((p) => p.live);
    const title = (id: string) => this.products.find((p) => p.id === id)?.title ?? id;
    return html`<div class="layout">
      <section aria-labelledby="h-products">
        <h1 id="h-products">Live pins</h1>
        <p class="error" role="alert">${this.failure?.message ?? ''}</p>
        ${this.token
          ? nothing
          : html`<form @submit=${this.#onToken}>
              <label>Service token <input name="token" type="password" autocomplete="off" required /></label>
              <button type="submit">Connect</button>
            </form>`}
        <p class="hint">Press 1–9 to pin or unpin the first nine products.</p>
        <ol aria-label="Products">
          ${this.products.map((p, i) => {
            const pinned = !!this.#livePin(p.id);
            return html`<li class=${pinned ? 'live' : ''}>
              <span class="key" aria-hidden="true">${i < 9 ? i + 1 : ''}</span>
              ${p.image ? html`<img src=${p.image} alt="" />` : nothing}
              <span class="title">${p.title}</span>
              <button type="button" aria-pressed=${pinned ? 'true' : 'false'} ?disabled=${!this.token} aria-busy=${this.busy ? "true" : "false"}
                aria-label=${`${pinned ? 'Unpin' : 'Pin'} ${p.title}`} aria-keyshortcuts=${i < 9 ? String(i + 1) : nothing}
                @click=${() => this.toggle(p.id)}>${pinned ? 'Unpin' : 'Pin'}</button>
            </li>`;
          })}
        </ol>
      </section>
      <section aria-labelledby="h-live">
        <h2 id="h-live">Live now</h2>
        <p role="status" aria-live="polite">${live.length ? live.map((p) => title(p.productId)).join(', ') : 'Nothing pinned'}</p>
        ${this.src
          ? html`<h2>What viewers see</h2><shoppable-video src=${this.src} show=${this.show || nothing} muted autoplay></shoppable-video>`
          : nothing}
      </section>
    </div>`;
  }
}
