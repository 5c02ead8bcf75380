/**
 * The analytics attributes of `<shoppable-video>` (initial script: a few bytes). What they do
 * lives in the show chunk (`context.ts`) and, once a sink is configured, the sinks chunk.
 */

export interface AnalyticsSettings {
  /** Opt-in sinks, space-separated: `datalayer`, `shopify`, `segment` (attribute `analytics`). */
  analytics?: string;
  /** A URL that receives batched events by `navigator.sendBeacon` (attribute `analytics-beacon`). */
  analyticsBeacon?: string;
  /**
   * `granted` or `denied`; unset: the page's consent signal decides (docs/analytics.md). Nothing
   * reaches a sink without consent (attribute `analytics-consent`).
   */
  analyticsConsent?: string;
}

export const ANALYTICS_PROPERTIES = {
  analytics: { type: String },
  analyticsBeacon: { type: String, attribute: 'analytics-beacon' },
  analyticsConsent: { type: String, attribute: 'analytics-consent' },
};
