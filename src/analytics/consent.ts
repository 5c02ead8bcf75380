/**
 * Whether analytics may be sent now (sinks chunk). Asked before every send and every beacon
 * flush, so a withdrawal stops sending at once. In order, the first that answers decides:
 * the player's `analytics-consent`, the page hook `window.svAnalyticsConsent`, Shopify's
 * Customer Privacy API, Google Consent Mode v2 (`analytics_storage`) in the dataLayer.
 * Nothing answers: no consent.
 */

type Hook = boolean | 'granted' | 'denied' | (() => boolean | 'granted' | 'denied' | undefined);

interface ConsentWindow {
  svAnalyticsConsent?: Hook;
  Shopify?: { customerPrivacy?: { analyticsProcessingAllowed?: () => boolean } };
  dataLayer?: unknown[];
}

const answer = (v: unknown): boolean | undefined => (v === true || v === 'granted' ? true : v === false || v === 'denied' ? false : undefined);

let scan: { layer: unknown[]; index: number; state: boolean | undefined } | null = null;

/**
 * Google Consent Mode v2 as the page's gtag calls left it in the dataLayer: the last
 * `consent` `default`/`update` command naming `analytics_storage`. A region-scoped default
 * counts only when it denies (the region of the visitor is not known here). Read
 * incrementally: each entry is looked at once.
 */
export function consentMode(layer: unknown = (window as ConsentWindow).dataLayer): boolean | undefined {
  if (!Array.isArray(layer)) return undefined;
  if (scan?.layer !== layer || scan.index > layer.length) scan = { layer, index: 0, state: undefined };
  for (; scan.index < layer.length; scan.index++) {
    const entry = layer[scan.index] as ArrayLike<unknown> | null;
    if (!entry || typeof entry !== 'object' || typeof entry.length !== 'number' || entry[0] !== 'consent') continue;
    const params = entry[2] as { analytics_storage?: unknown; region?: unknown } | undefined;
    if ((entry[1] !== 'default' && entry[1] !== 'update') || !params || typeof params !== 'object') continue;
    const state = answer(params.analytics_storage);
    if (state === undefined || (params.region !== undefined && state)) continue;
    scan.state = state;
  }
  return scan.state;
}

export function analyticsAllowed(explicit: string | undefined): boolean {
  const own = answer(explicit);
  if (own !== undefined) return own;
  const w = window as unknown as ConsentWindow;
  try {
    const hook = w.svAnalyticsConsent;
    const page = answer(typeof hook === 'function' ? hook() : hook);
    if (page !== undefined) return page;
    const privacy = w.Shopify?.customerPrivacy;
    if (typeof privacy?.analyticsProcessingAllowed === 'function') return privacy.analyticsProcessingAllowed() === true;
  } catch {
    return false; // a throwing hook is no consent
  }
  return consentMode() ?? false;
}
