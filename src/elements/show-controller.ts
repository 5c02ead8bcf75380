/**
 * Everything a show adds to the player, loaded as one lazy chunk only when the player has a
 * show (a `show` manifest or `<shoppable-product>` children): the timeline and its sources,
 * the cue engine on the video, the checkout flow, and the overlay chunk.
 */
import type { CartFlow } from '../commerce/cart-flow.js';
import type { AdapterConfig, CheckoutAdapter } from '../commerce/types.js';
import type { ShoppableError } from '../internal/errors.js';
import { CueEngine } from '../timeline/cue-engine.js';
import { observeHtmlShow } from '../timeline/html-show.js';
import { parseShow, type ManifestIssue } from '../timeline/manifest.js';
import { Timeline, type PinOptions } from '../timeline/timeline.js';
import type { Cue, Product, Show } from '../timeline/types.js';

/** What the controller needs from the player element. */
export interface ShowHost extends HTMLElement {
  readonly media: HTMLVideoElement | null;
  emit<T>(name: string, detail?: T, options?: { cancelable?: boolean }): CustomEvent<T>;
  requestUpdate(): void;
  /** Called when the manifest names the video and the element has no src of its own. */
  adoptVideo(video: NonNullable<Show['video']>): void;
  /** Per-frame positions of moving hotspots, for the overlay. */
  framePositions(positions: ReadonlyMap<Cue, { x: number; y: number }>): void;
  commerceConfig(): { checkout: string; adapter: CheckoutAdapter | null; config: AdapterConfig };
}

/** Detail of `sv-product-appear` and `sv-product-disappear`. */
export interface ProductAppearance {
  productId: string;
  cueId: string;
  product: Product;
  cue: Cue;
  /** Media time of the frame, seconds. */
  time: number;
}

/** Detail of `sv-show-load`. */
export interface ShowLoadDetail {
  show: Show | null;
  issues: ManifestIssue[];
}

const MAX_REPORTED_ISSUES = 50;
/** What hydration brings from the store; everything else stays the show's. */
const LIVE_FIELDS = ['price', 'compareAtPrice', 'currency', 'available', 'variants'] as const;

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (k in from) out[k] = from[k];
  return out;
}

export class ShowController {
  readonly timeline: Timeline;
  readonly engine = new CueEngine();
  /** The manifest's show, once loaded. */
  manifest: Show | null = null;
  flow: CartFlow | null = null;
  /** The flow last replaced, while its successor loads (its adds in flight carry over). */
  private previousFlow: CartFlow | null = null;
  /** The cues active now (a new array on every enter/exit, the same one in between). */
  active: readonly Cue[] = [];
  /** Products with live store data merged in, by id. */
  private hydrated = new Map<string, Product>();
  private manifestLoad: AbortController | null = null;
  private stopHtml: (() => void) | null = null;
  private offEngine: Array<() => void> = [];
  private hydrating: AbortController | null = null;
  /** The flow and products of the last hydration asked for. */
  private hydratedFor: { flow: CartFlow; key: string } | null = null;
  private checkoutKey: string | CheckoutAdapter = '';
  /** A manifest is loading: the checkout waits for its show id (attribution). */
  private manifestPending = false;
  private disposed = false;
  /** True once the overlay chunk is loaded (when the show has products); null while loading. */
  overlayLoaded: boolean | null = false;

  constructor(private readonly host: ShowHost) {
    this.timeline = new Timeline(() => this.onTimelineChange());
    this.offEngine.push(
      this.engine.on('enter', (cue, time) => this.appearance('sv-product-appear', cue, time)),
      this.engine.on('exit', (cue, time) => this.appearance('sv-product-disappear', cue, time)),
      this.engine.on('frame', (_t, positions) => positions.size && host.framePositions(positions)),
    );
  }

  /** Starts following the video and the HTML children. */
  connect(): void {
    this.disposed = false;
    this.stopHtml ??= observeHtmlShow(this.host, (html) => {
      this.timeline.setSource('html', html.cues, html.products);
      this.report(html.issues, 'MANIFEST_INVALID');
    }, this.manifest?.currency);
    if (this.host.media) this.engine.attach(this.host.media);
    if (!this.manifestPending) this.updateCheckout();
  }

  /** Stops everything: no event or request after this. */
  disconnect(): void {
    this.disposed = true;
    this.stopHtml?.();
    this.stopHtml = null;
    this.engine.detach();
    this.manifestLoad?.abort();
    this.hydrating?.abort();
    this.flow?.dispose();
    this.flow = null;
    this.checkoutKey = '';
  }

  /** Loads a show manifest from a URL (a string), or validates an object; null or '' removes it. */
  async setShow(show: unknown, baseUrl: string): Promise<void> {
    this.manifestLoad?.abort();
    this.manifestLoad = null;
    if (show === null || show === '') {
      this.applyManifest(null, [], baseUrl);
      return;
    }
    if (typeof show !== 'string') {
      const parsed = parseShow(show);
      this.applyManifest(parsed.show, parsed.issues, baseUrl);
      return;
    }
    let url: string;
    try {
      url = new URL(show, baseUrl).href;
    } catch {
      this.error('MANIFEST_LOAD_FAILED', `The show URL "${show}" is not a valid URL.`, { url: show });
      return;
    }
    const abort = (this.manifestLoad = new AbortController());
    this.manifestPending = true;
    let text: string;
    try {
      const res = await fetch(url, { signal: abort.signal, credentials: 'same-origin' });
      if (!res.ok) throw new Error(`the server answered HTTP ${res.status}`);
      text = await res.text();
    } catch (err) {
      if (abort.signal.aborted) return;
      this.manifestPending = false;
      this.error('MANIFEST_LOAD_FAILED', `The show at ${url} could not be loaded: ${(err as Error).message}.`, { url });
      this.updateCheckout();
      return;
    }
    if (abort.signal.aborted) return;
    const parsed = parseShow(text);
    this.applyManifest(parsed.show, parsed.issues, url);
  }

  pin(productId: string, options?: PinOptions): string {
    return this.timeline.pin(productId, options);
  }

  unpin(productIdOrCueId: string): boolean {
    return this.timeline.unpin(productIdOrCueId);
  }

  /** Products with live store data where the checkout provides it. */
  get products(): ReadonlyMap<string, Product> {
    const merged = this.timeline.products;
    if (!this.hydrated.size) return merged;
    // The same map until the timeline or the live data change, so renders can compare it.
    const cache = this.productsCache;
    if (cache?.merged === merged && cache.hydrated === this.hydrated) return cache.value;
    const value = new Map<string, Product>();
    for (const [id, p] of merged) {
      const live = this.hydrated.get(id);
      // The show's own fields as they are now, the store's live ones on top.
      value.set(id, live ? { ...p, ...pick(live, LIVE_FIELDS) } : p);
    }
    this.productsCache = { merged, hydrated: this.hydrated, value };
    return value;
  }

  private productsCache: { merged: ReadonlyMap<string, Product>; hydrated: Map<string, Product>; value: ReadonlyMap<string, Product> } | null = null;

  /** Re-reads the checkout attributes; recreates the flow when they changed. */
  updateCheckout(): void {
    const { checkout, adapter, config } = this.host.commerceConfig();
    const key = adapter ?? (checkout ? `${checkout}:${JSON.stringify({ ...config, eventTarget: undefined })}` : '');
    if (key === this.checkoutKey) return;
    this.checkoutKey = key;
    // Replaced, not removed: adds in flight finish and report on the successor's cards.
    const previous = this.flow ?? this.previousFlow;
    this.flow?.retire();
    this.previousFlow = this.flow ?? this.previousFlow;
    this.flow = null;
    this.hydrated = new Map();
    this.host.requestUpdate();
    if (!key || this.disposed) return;
    void Promise.all([import('../commerce/cart-flow.js'), adapter ? null : import('../commerce/registry.js')]).then(async ([{ CartFlow }, registry]) => {
      const loaded = adapter ? { ok: true as const, value: adapter } : await registry!.loadAdapter(checkout, config);
      if (this.disposed || this.checkoutKey !== key) return;
      if (!loaded.ok) {
        this.commerceError(loaded.error.code, loaded.error.message);
        return;
      }
      const flow = new CartFlow({ adapter: loaded.value, showId: config.showId, ...(previous ? { previous } : {}) });
      this.previousFlow = null;
      this.flow = flow;
      flow.subscribe(() => this.host.requestUpdate());
      void flow.refresh().then((res) => {
        if (!res.ok && res.error.code !== 'UNSUPPORTED' && res.error.code !== 'ABORTED') this.commerceError(res.error.code, res.error.message);
      });
      this.hydrate();
      this.host.requestUpdate();
    });
  }

  private hydrate(): void {
    const flow = this.flow;
    const products = [...this.timeline.products.values()];
    if (!flow || !products.length) return;
    // Ask the store again only when what it is asked about changed (not on every pin or
    // attribute edit): the products and their store references.
    const key = JSON.stringify(products.map((p) => [p.id, p.refs, p.variants?.map((v) => [v.id, v.refs])]));
    if (flow === this.hydratedFor?.flow && key === this.hydratedFor.key) return;
    this.hydratedFor = { flow, key };
    this.hydrating?.abort();
    const abort = (this.hydrating = new AbortController());
    void flow.hydrate(products).then((res) => {
      if (abort.signal.aborted || this.flow !== flow) return;
      if (!res.ok) {
        this.hydratedFor = null; // a later change may try again
        if (res.error.code !== 'ABORTED') this.commerceError(res.error.code, `Live prices could not be loaded: ${res.error.message}`);
        return;
      }
      this.hydrated = new Map(res.value.map((p) => [p.id, p]));
      this.host.requestUpdate();
    });
  }

  private applyManifest(show: Show | null, issues: ManifestIssue[], baseUrl: string): void {
    if (this.disposed) return;
    this.manifest = show ? resolveUrls(show, baseUrl) : null;
    this.report(issues, show ? 'MANIFEST_INVALID' : issues[0]?.path === 'version' ? 'MANIFEST_VERSION' : 'MANIFEST_INVALID', !show);
    this.timeline.setSource('manifest', this.manifest?.cues ?? [], this.manifest?.products ?? []);
    if (this.manifest?.video) this.host.adoptVideo(this.manifest.video);
    this.manifestPending = false;
    this.updateCheckout(); // the show id travels on cart lines
    this.host.emit<ShowLoadDetail>('sv-show-load', { show: this.manifest, issues });
  }

  private onTimelineChange(): void {
    this.engine.setCues(this.timeline.cues);
    if (this.timeline.products.size && this.overlayLoaded === false) {
      this.overlayLoaded = null;
      import('../overlay/define.js').then(
        () => {
          this.overlayLoaded = true;
          this.host.requestUpdate();
        },
        (err: unknown) => {
          this.overlayLoaded = false; // a later change may try again
          this.emitError({ source: 'config', code: 'OVERLAY_LOAD_FAILED', message: `The product overlay could not be downloaded (${String(err)}). The video still plays.`, fatal: false });
        },
      );
    }
    this.hydrate();
    this.host.requestUpdate();
  }

  private appearance(type: string, cue: Cue, time: number): void {
    this.active = this.engine.activeCues;
    const product = this.products.get(cue.productId);
    if (!product) return;
    this.host.emit<ProductAppearance>(type, { productId: cue.productId, cueId: cue.id, product, cue, time });
    this.host.requestUpdate();
  }

  private report(issues: ManifestIssue[], code: string, refused = false): void {
    const errors = issues.filter((i) => i.severity === 'error' || refused);
    for (const issue of issues) console.warn(`[shoppable-video] show: ${issue.path || '(document)'}: ${issue.message}`);
    for (const issue of errors.slice(0, MAX_REPORTED_ISSUES)) {
      const message = refused
        ? `The show was refused: ${issue.path ? `${issue.path}: ` : ''}${issue.message}. The video still plays.`
        : `${issue.path}: ${issue.message}`;
      this.emitError({ source: 'manifest', code, message, fatal: false, data: { path: issue.path } });
    }
  }

  private error(code: string, message: string, data: Record<string, unknown>): void {
    console.warn(`[shoppable-video] ${message}`);
    this.emitError({ source: 'manifest', code, message, fatal: false, data });
  }

  private commerceError(code: string, message: string): void {
    console.warn(`[shoppable-video] checkout: ${message}`);
    this.emitError({ source: 'commerce', code, message, fatal: false });
  }

  private emitError(error: ShoppableError): void {
    if (!this.disposed) this.host.emit<ShoppableError>('sv-error', error);
  }
}

/** Relative URLs in a manifest are relative to the manifest, as in HLS playlists. */
function resolveUrls(show: Show, base: string): Show {
  const abs = (u?: string) => {
    if (!u) return u;
    try {
      return new URL(u, base).href;
    } catch {
      return u;
    }
  };
  return {
    ...show,
    video: show.video && {
      ...show.video,
      src: abs(show.video.src)!,
      poster: abs(show.video.poster),
      captions: show.video.captions?.map((c) => ({ ...c, src: abs(c.src)! })),
    },
    products: show.products.map((p) => ({
      ...p,
      image: abs(p.image),
      url: abs(p.url),
      variants: p.variants?.map((v) => ({ ...v, image: abs(v.image) })),
    })),
  };
}
