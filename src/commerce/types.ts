/**
 * The checkout adapter contract: how a shoppable video talks to the merchant's existing
 * cart. Every call takes an AbortSignal and answers with a {@link Result}; adapters never
 * throw. Money is an integer in minor units (cents) with an ISO 4217 currency code.
 */
import type { Product, Variant } from '../timeline/types.js';

/** One vocabulary for every store's failures. */
export type CommerceErrorCode =
  /** The variant is sold out. */
  | 'OUT_OF_STOCK'
  /** More than the stock, or outside the store's min/max/step; may have been partly added. */
  | 'QUANTITY_LIMIT'
  /** The product cannot be bought (unpublished, needs options, declined by the page). */
  | 'NOT_PURCHASABLE'
  /** The cart changed underneath (409, stale key or version). */
  | 'CONFLICT'
  /** The session, nonce or token is no longer accepted. */
  | 'AUTH_EXPIRED'
  /** HTTP 429: slow down. */
  | 'RATE_LIMITED'
  /** No answer: offline, connection dropped, DNS, CORS. */
  | 'NETWORK'
  /** No answer in time. */
  | 'TIMEOUT'
  /** The adapter or store cannot do this (e.g. read the cart through a link). */
  | 'UNSUPPORTED'
  /** Anything else, e.g. HTTP 500 or a body that is not JSON. */
  | 'UNKNOWN'
  /** The caller aborted (element removed); never shown to a shopper. */
  | 'ABORTED';

export interface CommerceError {
  code: CommerceErrorCode;
  /** The store's own text when it gave one (already localised), else ours. */
  message: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** True when trying again later may succeed (network, 429, 5xx, conflict). */
  retryable: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CommerceError };

/** Options of every adapter call. */
export interface CallOptions {
  signal: AbortSignal;
}

/** Line property keys that carry attribution; a leading underscore hides them on Shopify. */
export const SHOW_PROPERTY = '_shoppable_show';
export const CUE_PROPERTY = '_shoppable_cue';

/** A line to add. The adapter reads the store ids from `variant.refs` then `product.refs`. */
export interface CartLine {
  product: Product;
  variant?: Variant;
  /** Positive integer. */
  quantity: number;
  /**
   * Line properties (Shopify) / attributes (Storefront API). The cart flow adds
   * {@link SHOW_PROPERTY} and {@link CUE_PROPERTY}; stores without line properties ignore them.
   */
  properties?: Record<string, string>;
}

export interface CartSummaryLine {
  /** The store's line key (changes on Shopify when properties change: re-read it). */
  key: string;
  productId?: string;
  variantId?: string;
  title?: string;
  quantity: number;
  /** Unit price, minor units. */
  price?: number;
  properties?: Record<string, string>;
}

/** The cart as the store reports it after a read or a change. */
export interface CartSummary {
  itemCount: number;
  lines: CartSummaryLine[];
  /** Minor units. */
  total: number;
  /** ISO 4217. */
  currency: string;
  checkoutUrl?: string;
}

/**
 * What a checkout needs from a store. Only `name`, `addLines` and `checkoutUrl` are required;
 * see docs/checkout-adapters.md for a custom adapter in ten lines.
 */
export interface CheckoutAdapter {
  readonly name: string;
  /**
   * Live price, availability and variants for the show's products. Answers copies of the
   * products in the same order with store data merged in; unknown products come back as given.
   */
  hydrate?(products: readonly Product[], options: CallOptions): Promise<Result<Product[]>>;
  /**
   * Adds lines to the store's cart. Answers the cart after the add when the store returns
   * one, `undefined` when it does not (e.g. the link adapter navigated away).
   */
  addLines(lines: readonly CartLine[], options: CallOptions): Promise<Result<CartSummary | undefined>>;
  /** Reads the store's cart. */
  getCart?(options: CallOptions): Promise<Result<CartSummary>>;
  /** Where "Checkout" goes. */
  checkoutUrl(cart?: CartSummary): string | undefined;
  /** Shows the cart: the theme's drawer where there is one, else the cart page. */
  openCart?(): void | Promise<void>;
  /** Tells the host theme the cart changed (drawer, count bubble, theme events). */
  notifyCartChanged?(cart: CartSummary | undefined): void;
}

/**
 * Configuration of the built-in adapters, read from the host element's attributes
 * (`shop`, `storefront-token`, `checkout-url`, `api-version`, `cart-root`, …).
 */
export interface AdapterConfig {
  /** Shop host for headless stores, e.g. `my-shop.myshopify.com` or an origin. */
  shop?: string;
  /** Public Storefront API token (Shopify) or storefront GraphQL token (BigCommerce). */
  storefrontToken?: string;
  /** Storefront API version, `YYYY-MM`. */
  apiVersion?: string;
  /** Overrides the checkout URL. */
  checkoutUrl?: string;
  /** Overrides the cart page URL. */
  cartUrl?: string;
  /** Root the store's paths are built from; defaults to `Shopify.routes.root` or `/`. */
  cartRoot?: string;
  /** WooCommerce Store API nonce; defaults to `wcBlocksMiddlewareConfig.storeApiNonce`. */
  nonce?: string;
  /**
   * Keep the headless cart id / token across page loads (localStorage, written only after the
   * shopper adds something: strictly necessary cart state). `false` keeps it for the page only,
   * e.g. until the page's consent tool allows storage. Default true.
   */
  persistCart?: boolean;
  /** Storefront API cart id to continue (e.g. from a server-rendered page). */
  cartId?: string;
  /** Show id, added as a referral parameter by the link adapter. */
  showId?: string;
  /** Where the events adapter dispatches its events (the host element); defaults to `document`. */
  eventTarget?: EventTarget;
  /** Request timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /**
   * Origins (or hosts) besides the page's own that shoppers may be sent to: product links,
   * the `link` adapter, checkout and cart URLs. Headless adapters add their `shop`.
   */
  allowedOrigins?: string[];
  /** How pages are opened (default `location.assign`); tests and SPAs replace it. */
  navigate?: (url: string) => void;
}

/** A built-in adapter module's shape: its default export builds the adapter. */
export type AdapterFactory = (config: AdapterConfig) => CheckoutAdapter;
