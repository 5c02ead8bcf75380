/**
 * What a show adds to a player, loaded as one lazy chunk only when the player has a show (a
 * `show` manifest or `<shoppable-product>` children): the show model, the checkout controller
 * and, once the show has products, the overlay chunk. The element owns one binding, renders
 * from its state and is told when that state changes; nothing here calls the element.
 */
import { showContext, SinkLoader, VideoMilestones, type Context } from '../analytics/context.js';
import type { AnalyticsSettings } from '../analytics/settings.js';
import { checkoutSpec, type CheckoutSettings } from '../commerce/checkout-config.js';
import { CheckoutController } from '../commerce/checkout-controller.js';
import { reportError } from '../internal/errors.js';
import { SeekMarkers } from '../show/markers.js';
import { LivePins } from '../live/live-pins.js';
import { ShowModel } from '../show/show-model.js';
import type { Product } from '../timeline/types.js';

export interface ShowBindingOptions {
  /** Something the player renders changed (show, products, active cues, flow, overlay chunk). */
  onChange(): void;
  /** The checkout settings as they are now (the element's attributes). */
  settings(): CheckoutSettings & AnalyticsSettings;
}

export class ShowBinding {
  readonly model: ShowModel;
  readonly checkout: CheckoutController;
  readonly markers = new SeekMarkers();
  /** In-band pins and live stock from the stream (docs/live.md). */
  readonly live: LivePins;
  /** True once the overlay chunk is loaded (when the show has products); null while loading. */
  overlayLoaded: boolean | null = false;
  /** Adds the show's common fields to the event catalogue's details (docs/events.md). */
  readonly context: Context;
  private readonly milestones: VideoMilestones;
  private readonly sinks: SinkLoader;
  private media: HTMLVideoElement | null = null;

  constructor(
    private readonly target: HTMLElement,
    private readonly options: ShowBindingOptions,
  ) {
    this.checkout = new CheckoutController({ onChange: options.onChange, onError: (e) => reportError(target, e) });
    this.model = new ShowModel(target, {
      product: (id) => this.products.get(id),
      onChange: (what) => {
        if (what === 'manifest') {
          this.configure();
          this.live.productsChanged();
        }
        if (what === 'timeline') this.timelineChanged();
        options.onChange();
      },
    });
    // A show almost always has products: the overlay chunk is requested now, with the manifest,
    // not after it, so a card whose cue starts at 0 s is ready with the first video frame.
    // (timelineChanged imports it again once products arrive, and reports a failure then.)
    import('../overlay/define.js').catch(() => undefined);
    const { timeline } = this.model;
    this.live = new LivePins(timeline, {
      knows: (id) => (this.model.pending ? undefined : timeline.products.has(id)),
      onError: (e) => reportError(target, e),
      onStock: options.onChange,
    });
    this.context = showContext({ showId: () => options.settings().showId || this.model.manifest?.id, currency: () => this.model.manifest?.currency, product: (id) => this.products.get(id), media: () => this.media });
    this.milestones = new VideoMilestones(target, this.context);
    this.sinks = new SinkLoader(target, this.context);
  }

  /** Every product, with live store data where the checkout provides it. */
  get products(): ReadonlyMap<string, Product> {
    return this.live.products(this.checkout.products(this.model.timeline.products));
  }

  connect(media: HTMLVideoElement | null): void {
    this.model.connect(media);
    this.live.attach(media);
    this.media = media;
    this.milestones.attach(media);
    this.configure();
  }

  disconnect(): void {
    this.model.disconnect();
    this.live.detach();
    this.checkout.dispose();
    this.markers.disconnect();
    this.milestones.detach();
    this.sinks.dispose();
  }

  /** Re-reads the checkout settings (the checkout waits for a loading manifest's show id). */
  configure(): void {
    this.sinks.configure(this.options.settings());
    if (this.model.pending) return;
    this.checkout.configure(checkoutSpec(this.options.settings(), this.model.manifest?.id, this.target), () => [...this.model.timeline.products.values()]);
  }

  private timelineChanged(): void {
    if (this.model.timeline.products.size && this.overlayLoaded === false) {
      this.overlayLoaded = null;
      import('../overlay/define.js').then(
        () => {
          this.overlayLoaded = true;
          this.options.onChange();
        },
        (err: unknown) => {
          this.overlayLoaded = false; // a later change may try again
          reportError(this.target, { source: 'config', code: 'OVERLAY_LOAD_FAILED', message: `The product overlay could not be downloaded (${String(err)}). The video still plays.`, fatal: false });
        },
      );
    }
    this.checkout.hydrate([...this.model.timeline.products.values()]);
  }
}
