/** Helpers for the commerce tests: the local storefront's control endpoints and products. */
import type { Product } from '../../src/timeline/types.js';
import type { AdapterConfig, CartLine } from '../../src/commerce/types.js';

export type Store = 'shopify' | 'shopify-storefront' | 'woocommerce' | 'bigcommerce';

export interface ServerLine {
  key: string;
  variantId: string;
  sku: string;
  quantity: number;
  properties: Record<string, string>;
}
export interface LogEntry {
  store: Store;
  method: string;
  path: string;
  body: any;
  status: number;
  aborted: boolean;
}

const post = (path: string, body: object = {}) =>
  fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());

/** Empties every store, disarms faults, clears the log; options: shopify422, wooMinorUnit. */
export const resetStore = (options: object = {}) => post('/__store/reset', options);

export const fault = (store: Store, name: string, extra: object = {}) => post('/__store/fault', { store, fault: name, ...extra });

/** Every line of every cart the store holds. */
export async function serverLines(store: Store): Promise<ServerLine[]> {
  const state = await fetch('/__store/state').then((r) => r.json());
  return Object.values(state[store].carts as Record<string, { lines: ServerLine[] }>).flatMap((c) => c.lines);
}

export async function serverCarts(store: Store): Promise<{ lines: ServerLine[]; attributes: Record<string, string> }[]> {
  const state = await fetch('/__store/state').then((r) => r.json());
  return Object.values(state[store].carts);
}

export const units = (lines: ServerLine[]) => lines.reduce((n, l) => n + l.quantity, 0);

export const requestLog = (store: Store): Promise<LogEntry[]> => fetch(`/__store/log?store=${store}`).then((r) => r.json());

/** The seeded catalog (test/server/storefront/catalog.mjs) with every store's refs. */
export const PRODUCTS = {
  serum: {
    id: 'rose-serum-30', title: 'Hydrating Rose Serum, 30 ml', price: 1,
    refs: { shopifyProductId: '8123456789040', shopifyVariantId: '44012345679040', shopifyHandle: 'hydrating-rose-serum-30ml', wooProductId: '1533', bigcommerceProductId: '112', bigcommerceVariantId: '245' },
  },
  hoops: {
    id: 'gold-hoops', title: 'Small Gold Hoop Earrings',
    refs: { shopifyProductId: '8123456789060', shopifyVariantId: '44012345679100', shopifyHandle: 'small-gold-hoops', wooProductId: '1535', bigcommerceProductId: '114', bigcommerceVariantId: '255' },
  },
  sneaker: {
    id: 'canvas-sneaker', title: 'Canvas Low-Top Sneaker, Chalk',
    refs: { shopifyProductId: '8123456789055', shopifyVariantId: '44012345679001', shopifyHandle: 'canvas-low-top-sneaker-chalk', wooProductId: '1534', bigcommerceProductId: '113', bigcommerceVariantId: '250' },
  },
  overshirt: {
    id: 'linen-overshirt', title: 'Relaxed Linen Overshirt',
    refs: { shopifyProductId: '8123456789012', shopifyHandle: 'relaxed-linen-overshirt', wooProductId: '1530', bigcommerceProductId: '110' },
    variants: [
      { id: 'm-sand', options: ['M', 'Sand'], refs: { shopifyVariantId: '44012345678902', wooVariationId: '1542', bigcommerceVariantId: '232' } },
      { id: 'l-sand', options: ['L', 'Sand'], refs: { shopifyVariantId: '44012345678903', wooVariationId: '1543', bigcommerceVariantId: '233' } },
      { id: 'l-olive', options: ['L', 'Olive'], refs: { shopifyVariantId: '44012345678906', wooVariationId: '1546', bigcommerceVariantId: '236' } },
    ],
  },
} satisfies Record<string, Product>;

export const line = (product: Product, quantity = 1, variant = 0): CartLine =>
  product.variants ? { product, variant: product.variants[variant]!, quantity } : { product, quantity };

/** The serum's id in each store's cart lines, for server-side assertions. */
export const SERUM_ID: Record<Store, string> = {
  shopify: '44012345679040',
  'shopify-storefront': '44012345679040',
  woocommerce: '1533',
  bigcommerce: '245',
};

/** Sets up the page the way each store renders it (fresh globals, no stored cart id). */
export async function preparePage(store: Store): Promise<void> {
  const w = window as any;
  delete w.Shopify;
  delete w.wcBlocksMiddlewareConfig;
  localStorage.clear();
  if (store === 'shopify') w.Shopify = { routes: { root: '/' } };
  if (store === 'woocommerce') {
    // WordPress prints the Store API nonce of the visitor's session into the page.
    const res = await fetch('/wp-json/wc/store/v1/cart');
    w.wcBlocksMiddlewareConfig = { storeApiNonce: res.headers.get('Nonce') };
  }
}

/** The adapter attributes a page would set for each store. */
export function configFor(store: Store): AdapterConfig {
  const tokens: Partial<Record<Store, string>> = { 'shopify-storefront': 'test-storefront-token', bigcommerce: 'test-bigcommerce-token' };
  return {
    timeoutMs: 1500,
    ...(tokens[store] ? { storefrontToken: tokens[store] } : {}),
    ...(store === 'shopify-storefront' ? { shop: location.origin } : {}),
  };
}
