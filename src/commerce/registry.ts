/**
 * Built-in adapters by name. Each is its own lazy chunk: only the one a page names is
 * downloaded, when it is first needed.
 */
import { fail, ok } from './http.js';
import type { AdapterConfig, AdapterFactory, CheckoutAdapter, Result } from './types.js';

const ADAPTERS = {
  shopify: () => import('./adapters/shopify.js'),
  'shopify-storefront': () => import('./adapters/shopify-storefront.js'),
  woocommerce: () => import('./adapters/woocommerce.js'),
  bigcommerce: () => import('./adapters/bigcommerce.js'),
  link: () => import('./adapters/link.js'),
  events: () => import('./adapters/events.js'),
} satisfies Record<string, () => Promise<{ default: AdapterFactory }>>;

/** The `checkout="…"` values. */
export type AdapterName = keyof typeof ADAPTERS;
export const ADAPTER_NAMES = Object.keys(ADAPTERS) as AdapterName[];

/**
 * Loads and builds a built-in adapter. An unknown name answers UNSUPPORTED listing the
 * valid names; a chunk that fails to download answers NETWORK (call again to retry).
 */
export async function loadAdapter(name: string, config: AdapterConfig = {}): Promise<Result<CheckoutAdapter>> {
  const load = Object.hasOwn(ADAPTERS, name) ? ADAPTERS[name as AdapterName] : undefined;
  if (!load) return fail('UNSUPPORTED', `Unknown checkout "${name}". Use one of: ${ADAPTER_NAMES.join(', ')}, or set the adapter property.`);
  try {
    return ok((await load()).default(config));
  } catch {
    return fail('NETWORK', `Could not load the ${name} checkout adapter.`);
  }
}
