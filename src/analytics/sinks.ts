/**
 * The analytics sinks of one player (a lazy chunk, loaded only when `analytics` or
 * `analytics-beacon` is set): it listens to the event catalogue on the player and forwards
 * each event to the configured sinks — GTM's dataLayer (GA4 names and items), Shopify
 * customer events (`Shopify.analytics.publish`, for the merchant's web pixels), Segment-style
 * `analytics.track`, a beacon URL — only while consent allows (`consent.ts`). It stores
 * nothing: no cookies, no localStorage.
 */
import { reportError } from '../internal/errors.js';
import { BeaconQueue } from './beacon.js';
import { analyticsAllowed } from './consent.js';
import type { Context } from './context.js';
import { payload, toDataLayer, toSegment, type AnyDetail } from './mapping.js';
import type { AnalyticsSettings } from './settings.js';
import { CATALOGUE } from './types.js';

const SINKS = ['datalayer', 'shopify', 'segment'] as const;
type Sink = (typeof SINKS)[number];

interface SinkWindow {
  dataLayer?: unknown[];
  Shopify?: { analytics?: { publish?: (name: string, data: object) => unknown } };
  analytics?: { track?: (name: string, properties: object) => unknown };
}

export class Sinks {
  private sinks = new Set<Sink>();
  private beacon: BeaconQueue | null = null;
  private consent: string | undefined;
  private listening = false;
  /** The settings last checked, so a misconfiguration is reported once. */
  private checked = '';

  constructor(
    private readonly target: HTMLElement,
    private readonly context: Context,
  ) {}

  /** Applies the player's analytics settings (called again whenever they change). */
  configure(settings: AnalyticsSettings): void {
    this.consent = settings.analyticsConsent || undefined;
    const names = (settings.analytics ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean);
    const url = beaconUrl(settings.analyticsBeacon);
    const key = `${names.join(' ')}|${settings.analyticsBeacon ?? ''}`;
    const check = key !== this.checked;
    this.checked = key;
    const unknown = names.filter((n) => !SINKS.includes(n as Sink));
    if (check && unknown.length) this.warn('ANALYTICS_SINK_UNKNOWN', `Unknown analytics sink "${unknown.join('", "')}": use datalayer, shopify or segment.`);
    this.sinks = new Set(names.filter((n): n is Sink => SINKS.includes(n as Sink)));
    if (check && url === null) this.warn('ANALYTICS_BEACON_INVALID', `analytics-beacon="${settings.analyticsBeacon}" is not an http(s) URL: no beacons are sent.`);
    if (this.beacon?.url !== url) {
      this.beacon?.dispose();
      this.beacon = url ? new BeaconQueue(url, () => this.allowed()) : null;
    }
    if (!this.allowed()) this.beacon?.clear();
    this.listen(Boolean(this.sinks.size || this.beacon));
  }

  /** Element removed: what is queued leaves now (when allowed), then nothing more. */
  dispose(): void {
    this.listen(false);
    this.beacon?.dispose();
    this.beacon = null;
  }

  private allowed(): boolean {
    return analyticsAllowed(this.consent);
  }

  private listen(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    for (const type of CATALOGUE) this.target[on ? 'addEventListener' : 'removeEventListener'](type, this.onEvent);
  }

  private readonly onEvent = (e: Event): void => {
    if (!this.allowed()) return this.beacon?.clear(); // withdrawn: nothing more leaves, nothing queued stays
    const raw = (e as CustomEvent<AnyDetail>).detail;
    if (!raw || typeof raw !== 'object') return;
    // sv-error carries no show fields of its own; the others already have them.
    const detail: AnyDetail = e.type === 'sv-error' ? { ...this.context({}), ...raw, errorSource: raw.source } : raw;
    const w = window as unknown as SinkWindow;
    if (this.sinks.has('datalayer')) {
      const layer = (w.dataLayer ??= []);
      for (const push of toDataLayer(e.type, detail)) layer.push(push);
    }
    if (this.sinks.has('shopify')) call(() => w.Shopify?.analytics?.publish?.(e.type, payload(e.type, detail)));
    if (this.sinks.has('segment')) {
      const track = toSegment(e.type, detail);
      if (track) call(() => w.analytics?.track?.(...track));
    }
    this.beacon?.push({ ...payload(e.type, detail), at: Date.now() });
  };

  private warn(code: string, message: string): void {
    reportError(this.target, { source: 'config', code, message, fatal: false });
  }
}

/** An absolute http(s) URL, undefined when not set, null when invalid. */
function beaconUrl(value: string | undefined): string | undefined | null {
  if (!value) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A page's analytics library that throws must not break the player. */
function call(send: () => unknown): void {
  try {
    send();
  } catch (e) {
    console.warn(`shoppable-video: an analytics sink threw: ${e instanceof Error ? e.message : String(e)}`);
  }
}
