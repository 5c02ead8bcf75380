/**
 * The navigation policy: where a shopper may be sent by a card link, the `link` adapter or a
 * checkout/cart URL. Shows can come from third parties and carts from stores, so a URL is
 * followed only when it is http(s) and on the page's own origin or an origin the merchant
 * listed (`allowed-origins`; headless adapters add their `shop`). Protocol-relative
 * (`//elsewhere.example/…`), `javascript:`, `data:` and foreign-origin URLs are refused.
 */

/** `https://shop.example` from `https://shop.example/x`, `shop.example` or `//shop.example`. */
export function originOf(entry: string): string | undefined {
  const text = String(entry ?? '').trim();
  if (!text) return undefined;
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:/i.test(text) ? text : `https://${text.replace(/^\/\//, '')}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when `url` (absolute or relative to the page) may be opened: http(s), and its origin is
 * `pageOrigin` or one of `allowedOrigins` (origins or hosts). Pure: no DOM access.
 */
export function isAllowedUrl(url: string, allowedOrigins: readonly string[] = [], pageOrigin: string): boolean {
  if (typeof url !== 'string' || !url.trim()) return false;
  let target: URL;
  try {
    target = new URL(url.trim(), `${pageOrigin}/`);
  } catch {
    return false;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return false;
  if (target.origin === pageOrigin) return true;
  return allowedOrigins.some((o) => originOf(o) === target.origin);
}

const warned = new Set<string>();

/** `url` when the policy allows it, else `undefined` (one console line per refused URL). */
export function allowedUrl(url: string | undefined, config: { allowedOrigins?: string[]; shop?: string }): string | undefined {
  if (url === undefined || url === '') return undefined;
  const page = typeof location === 'undefined' ? 'http://localhost' : location.origin;
  const allowed = [...(config.allowedOrigins ?? []), ...(config.shop ? [config.shop] : [])];
  if (isAllowedUrl(url, allowed, page)) return url;
  const shown = String(url).slice(0, 120);
  if (!warned.has(shown) && warned.size < 100) {
    warned.add(shown);
    console.warn(`shoppable-video: not following ${JSON.stringify(shown)}: its origin is not the page's nor in allowed-origins.`);
  }
  return undefined;
}
