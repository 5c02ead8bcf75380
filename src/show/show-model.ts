/**
 * The show as a model: it loads and validates the manifest (URLs resolved against it), merges
 * every cue source into one timeline, follows the video with the cue engine, and publishes
 * what is active now and, per frame, where moving hotspots are. It knows nothing of the
 * player element: it dispatches its documented events on the element it is given, and
 * listeners read its state.
 */
import { ERROR_EVENT, reportError, type ShoppableError } from '../internal/errors.js';
import { CueEngine } from '../timeline/cue-engine.js';
import { observeHtmlShow } from '../timeline/html-show.js';
import type { Point } from '../timeline/interpolate.js';
import { loadManifest } from '../timeline/load-manifest.js';
import { formatIssues, parseShow, type ManifestIssue } from '../timeline/manifest.js';
import { Timeline, type PinOptions } from '../timeline/timeline.js';
import type { Cue, Product, Show } from '../timeline/types.js';
import { resolveUrls } from './resolve-urls.js';

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

export interface ShowModelOptions {
  /** The show changed: the manifest (loaded or failed), the timeline, or the active cues. */
  onChange(what: 'manifest' | 'timeline' | 'active'): void;
  /** A product as shoppers see it now (with live store data); defaults to the timeline's. */
  product?(id: string): Product | undefined;
}

const MAX_REPORTED_ISSUES = 50;

export class ShowModel {
  readonly timeline: Timeline;
  readonly engine = new CueEngine();
  /** The manifest's show (URLs resolved), once loaded. */
  manifest: Show | null = null;
  /** The cues active now (a new array on every enter/exit, the same one in between). */
  active: readonly Cue[] = [];
  /** A manifest is loading (the checkout waits for its show id). */
  pending = false;
  private manifestLoad: AbortController | null = null;
  private stopHtml: (() => void) | null = null;
  /** Engine listeners, registered on connect and removed on disconnect. */
  private offEngine: Array<() => void> = [];
  private connected = false;
  /** Disconnected: errors and late answers are dropped. */
  private disposed = false;

  /** @param target where events go and whose `<shoppable-product>` children add to the show. */
  constructor(
    private readonly target: HTMLElement,
    private readonly options: ShowModelOptions,
  ) {
    this.timeline = new Timeline(() => {
      this.engine.setCues(this.timeline.cues);
      options.onChange('timeline');
    });
  }

  /** Media time of the last frame the engine saw (NaN before the first). */
  get time(): number {
    return this.engine.currentTime;
  }

  /** Per-frame positions of the active keyframed cues (the map is reused: read it during the call). */
  onFrame(listener: (positions: ReadonlyMap<Cue, Point>) => void): () => void {
    return this.engine.on('frame', (_t, positions) => positions.size && listener(positions));
  }

  /** Starts following the video and the HTML children. */
  connect(media: HTMLVideoElement | null): void {
    this.disposed = false;
    if (!this.connected) {
      this.connected = true;
      this.offEngine = [
        this.engine.on('enter', (cue, time) => this.appearance('sv-product-appear', cue, time)),
        this.engine.on('exit', (cue, time) => this.appearance('sv-product-disappear', cue, time)),
      ];
      this.stopHtml = observeHtmlShow(this.target, (html) => {
        this.timeline.setSource('html', html.cues, html.products);
        this.report(html.issues, 'MANIFEST_INVALID');
      }, this.manifest?.currency);
    }
    if (media) this.engine.attach(media);
  }

  /** Stops everything: no event, listener or request after this. */
  disconnect(): void {
    this.stopHtml?.();
    this.stopHtml = null;
    this.engine.detach();
    for (const off of this.offEngine) off();
    this.offEngine = [];
    this.connected = false;
    this.disposed = true;
    this.manifestLoad?.abort();
  }

  /** Loads a manifest from a URL (a string), or validates an object; null or '' removes it. */
  async setShow(show: unknown, baseUrl: string): Promise<void> {
    this.manifestLoad?.abort();
    this.manifestLoad = null;
    if (show === null || show === '') return this.apply(null, [], baseUrl);
    if (typeof show !== 'string') {
      const parsed = parseShow(show);
      return this.apply(parsed.show, parsed.issues, baseUrl);
    }
    let url: string;
    try {
      url = new URL(show, baseUrl).href;
    } catch {
      this.error({ source: 'manifest', code: 'MANIFEST_LOAD_FAILED', message: `The show URL "${show}" is not a valid URL.`, fatal: false, data: { url: show } });
      return;
    }
    const abort = (this.manifestLoad = new AbortController());
    this.pending = true;
    // Bounded in time and size (MANIFEST_TIMEOUT_MS, MANIFEST_MAX_BYTES).
    const loaded = await loadManifest(url, { signal: abort.signal });
    if (abort.signal.aborted) return;
    if (!loaded.ok) {
      this.pending = false;
      this.error({ source: 'manifest', code: 'MANIFEST_LOAD_FAILED', message: `The show at ${url} could not be loaded: ${loaded.reason}.`, fatal: false, data: { url } });
      this.options.onChange('manifest');
      return;
    }
    const parsed = parseShow(loaded.text);
    this.apply(parsed.show, parsed.issues, url);
  }

  pin(productId: string, options?: PinOptions): string {
    return this.timeline.pin(productId, options);
  }

  unpin(productIdOrCueId: string): boolean {
    return this.timeline.unpin(productIdOrCueId);
  }

  private apply(show: Show | null, issues: ManifestIssue[], baseUrl: string): void {
    if (this.disposed) return;
    this.manifest = show ? resolveUrls(show, baseUrl) : null;
    this.pending = false;
    this.report(issues, show ? 'MANIFEST_INVALID' : issues[0]?.path === 'version' ? 'MANIFEST_VERSION' : 'MANIFEST_INVALID', !show);
    this.timeline.setSource('manifest', this.manifest?.cues ?? [], this.manifest?.products ?? []);
    this.options.onChange('manifest');
    this.target.dispatchEvent(new CustomEvent<ShowLoadDetail>('sv-show-load', { bubbles: true, composed: true, detail: { show: this.manifest, issues } }));
  }

  private appearance(type: string, cue: Cue, time: number): void {
    this.active = this.engine.activeCues;
    const product = this.options.product?.(cue.productId) ?? this.timeline.products.get(cue.productId);
    if (product) this.target.dispatchEvent(new CustomEvent<ProductAppearance>(type, { bubbles: true, composed: true, detail: { productId: cue.productId, cueId: cue.id, product, cue, time } }));
    this.options.onChange('active');
  }

  private report(issues: ManifestIssue[], code: string, refused = false): void {
    // One console line per parse, however many issues (formatIssues counts past its first 20).
    if (issues.length) console.warn(formatIssues(issues));
    for (const issue of issues.filter((i) => i.severity === 'error' || refused).slice(0, MAX_REPORTED_ISSUES)) {
      const message = refused
        ? `The show was refused: ${issue.path ? `${issue.path}: ` : ''}${issue.message}. The video still plays.`
        : `${issue.path}: ${issue.message}`;
      if (!this.disposed) this.target.dispatchEvent(new CustomEvent<ShoppableError>(ERROR_EVENT, { bubbles: true, composed: true, detail: { source: 'manifest', code, message, fatal: false, data: { path: issue.path } } }));
    }
  }

  private error(error: ShoppableError): void {
    if (!this.disposed) reportError(this.target, error);
  }
}
