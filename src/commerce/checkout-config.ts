/**
 * The checkout settings of `<shoppable-video>` (its attributes) and how they become an
 * adapter configuration. Part of the initial script: no adapter code here.
 */
import type { AdapterConfig, CheckoutAdapter } from './types.js';

/** Lit property declarations of the checkout attributes. */
export const CHECKOUT_PROPERTIES = {
  /** Built-in checkout adapter: `shopify`, `shopify-storefront`, `woocommerce`, `bigcommerce`, `link`, `events`. */
  checkout: { type: String },
  /** A custom checkout adapter (takes precedence over `checkout`). */
  adapter: { attribute: false },
  /** Shop domain or origin for headless adapters (`shopify-storefront`, `bigcommerce`, `woocommerce`). */
  shop: { type: String },
  /** Storefront API public access token (`shopify-storefront`). */
  storefrontToken: { type: String, attribute: 'storefront-token' },
  /** Storefront API version (`shopify-storefront`). */
  apiVersion: { type: String, attribute: 'api-version' },
  /** Where Checkout leads, instead of the cart's own checkout URL. */
  checkoutUrl: { type: String, attribute: 'checkout-url' },
  /** Where View cart leads when the adapter cannot open a cart drawer. */
  cartUrl: { type: String, attribute: 'cart-url' },
  /** The store's root path (default `/`; `shopify`: `Shopify.routes.root`), e.g. a market or a WordPress sub-folder. */
  cartRoot: { type: String, attribute: 'cart-root' },
  /** Show id for attribution; defaults to the manifest's `id`. */
  showId: { type: String, attribute: 'show-id' },
  /** Origins besides the page's that product, cart and checkout links may lead to (space- or comma-separated). */
  allowedOrigins: { type: String, attribute: 'allowed-origins' },
} as const;

export type CheckoutSettings = { [K in keyof typeof CHECKOUT_PROPERTIES]: K extends 'adapter' ? CheckoutAdapter | null : string };

/** What the checkout is built from: a custom adapter, or a built-in one by name with its config. */
export interface CheckoutSpec {
  checkout: string;
  adapter: CheckoutAdapter | null;
  config: AdapterConfig;
}

/** The settings as an adapter config; the show id defaults to the manifest's (attribution). */
export function checkoutSpec(settings: CheckoutSettings, manifestId: string | undefined, eventTarget: EventTarget): CheckoutSpec {
  const config: AdapterConfig = { eventTarget };
  for (const k of ['shop', 'storefrontToken', 'apiVersion', 'checkoutUrl', 'cartUrl', 'cartRoot', 'showId'] as const) {
    const v = k === 'showId' ? settings.showId || manifestId : settings[k];
    if (v) config[k] = v;
  }
  const allowed = originList(settings.allowedOrigins);
  if (allowed.length) config.allowedOrigins = allowed;
  return { checkout: settings.checkout, adapter: settings.adapter, config };
}

/** `allowed-origins="https://shop.example, https://cdn.example"` (commas or spaces) as a list. */
export function originList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}
