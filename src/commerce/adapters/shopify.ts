/**
 * `checkout="shopify"`: the theme's own cart on a Shopify storefront (same origin only).
 * Adds through the standard `Shopify.actions.updateCart` when the page has it, else through
 * the Ajax API under `Shopify.routes.root`, then re-renders a Dawn-style drawer from the
 * returned `sections`, publishes the theme's `cart-update`, or refreshes the count bubble.
 */
import { currencyDigits, fail, go, hydrateEach, ok, refsOf, request, serialQueue, untilAborted } from '../http.js';
import type { AdapterConfig, CallOptions, CartLine, CartSummary, CheckoutAdapter, CommerceError, Result } from '../types.js';
import { cartProblem, fromStorefrontCart, gid } from './storefront-cart.js';
import { allowedUrl } from '../navigation.js';

const g = globalThis as any;
/** Every Shopify theme-cart write on the page, one at a time (see serialQueue). */
const serial = serialQueue();
const numericId = (id: string) => id.split('/').pop()!;

/** Shopify's 422 texts: "…is already sold out.", "Only 2 items were added…", "The maximum quantity…". */
function from422(body: any): CommerceError {
  const message: string = body?.description || body?.message || 'The cart refused the change.';
  const code = /sold out/i.test(message) ? 'OUT_OF_STOCK'
    : /only|maximum|all \d|quantit/i.test(message) ? 'QUANTITY_LIMIT'
    : 'NOT_PURCHASABLE';
  return fail(code, message, 422).error;
}

let policy: { createHTML(html: string): unknown } | null | undefined;
/**
 * Section HTML rendered by the shop (same origin) as TrustedHTML through the
 * `shoppable-video` Trusted Types policy where the page enforces Trusted Types (allow that
 * policy name in a `trusted-types` directive). Scripts are dropped; DOMParser never runs them.
 */
function trusted(html: string): string {
  const tt = g.trustedTypes;
  if (policy === undefined) {
    try {
      policy = tt?.createPolicy ? tt.createPolicy('shoppable-video', { createHTML: (s: string) => s.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '') }) : null;
    } catch {
      policy = null; // the page's CSP does not allow our policy name
    }
  }
  return (policy ? policy.createHTML(html) : html) as string;
}

/** Replaces the children of `#id` with the inner nodes of a rendered section. */
function swapSection(id: string, html: string): void {
  const el = document.getElementById(id);
  if (!el || typeof html !== 'string') return;
  const doc = new DOMParser().parseFromString(trusted(html), 'text/html');
  el.replaceChildren(...(doc.querySelector('.shopify-section') ?? doc.body).childNodes);
}

/**
 * Shopify money (Ajax API and Liquid) is always in hundredths of the unit, whatever the
 * currency's digits (¥1,000 arrives as 100000): to ISO 4217 minor units (1000 for JPY).
 */
export function fromHundredths(value: unknown, currency: string): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.round(value * 10 ** (currencyDigits(currency) - 2));
}

function fromAjaxCart(cart: any, checkoutUrl: string | undefined): CartSummary {
  const currency = String(cart.currency || 'USD');
  if (!Array.isArray(cart.items)) throw new TypeError('no items');
  return {
    itemCount: cart.item_count,
    total: fromHundredths(cart.total_price, currency) ?? 0,
    currency,
    checkoutUrl,
    lines: cart.items.map((i: any) => ({
      key: i.key,
      productId: String(i.product_id),
      variantId: String(i.variant_id),
      title: i.product_title ?? i.title,
      quantity: i.quantity,
      price: fromHundredths(i.price, currency),
      properties: i.properties ?? {},
    })),
  };
}

export default function shopify(config: AdapterConfig): CheckoutAdapter {
  const root = () => config.cartRoot ?? g.Shopify?.routes?.root ?? '/';
  const actions = () => g.Shopify?.actions;
  const checkoutUrl = () => allowedUrl(config.checkoutUrl ?? `${root()}checkout`, config);
  /** Dawn's cart element: `<cart-notification>` (its default) or `<cart-drawer>`; none on a page-type cart. */
  const themeCart = () => (typeof document === 'undefined' ? null : (document.querySelector('cart-notification') ?? document.querySelector('cart-drawer')) as any);
  /** The section ids the theme re-renders after an add (at most 5, Shopify's limit). */
  const themeSections = (): string[] => {
    try {
      const ids = themeCart()?.getSectionsToRender?.().map((s: any) => String(s.id));
      if (Array.isArray(ids) && ids.length) return ids.slice(0, 5);
    } catch {
      /* a theme hook that throws: fall back to the bubble */
    }
    return document.getElementById('cart-icon-bubble') ? ['cart-icon-bubble'] : [];
  };
  /** The last add.js answer with its sections, for the theme refresh. */
  let added: any;

  const getCart = async ({ signal }: { signal: AbortSignal }): Promise<Result<CartSummary>> => {
    const res = await request(`${root()}cart.js`, { signal, timeoutMs: config.timeoutMs });
    if (!res.ok) return res;
    try {
      return ok(fromAjaxCart(res.value.data, checkoutUrl()));
    } catch {
      return fail('UNKNOWN', 'The store answered cart.js with an unreadable cart.', res.value.status);
    }
  };

  async function addLines(lines: readonly CartLine[], { signal }: CallOptions): Promise<Result<CartSummary | undefined>> {
    const ids = lines.map((l) => refsOf(l).shopifyVariantId);
    if (ids.some((id) => !id)) return fail('NOT_PURCHASABLE', 'This product has no Shopify variant id (refs.shopifyVariantId).');
    added = undefined;

    const standard = actions();
    if (standard?.updateCart) {
      // The standard action also tells the theme (drawer, bubble, shopify:cart:* events).
      const res = await untilAborted<any>(
        Promise.resolve().then(() => standard.updateCart({
          lines: lines.map((l, i) => ({
            merchandiseId: gid('ProductVariant', ids[i]!),
            quantity: l.quantity,
            attributes: Object.entries(l.properties ?? {}).map(([key, value]) => ({ key, value })),
          })),
        })),
        signal,
        (reason) => fail('UNKNOWN', `The theme could not update the cart: ${(reason as Error)?.message || reason}`).error,
      );
      if (!res.ok) return res;
      const problem = cartProblem(res.value?.userErrors, res.value?.warnings);
      if (problem) return { ok: false, error: problem };
      try {
        return ok(res.value?.cart ? { ...fromStorefrontCart(res.value.cart), checkoutUrl: checkoutUrl() } : undefined);
      } catch {
        return ok(undefined); // applied; the flow reads cart.js for the count
      }
    }

    const sections = themeSections();
    const res = await request(`${root()}cart/add.js`, {
      method: 'POST',
      signal,
      timeoutMs: config.timeoutMs,
      json: {
        items: lines.map((l, i) => ({ id: Number(numericId(ids[i]!)), quantity: l.quantity, properties: l.properties })),
        ...(sections.length ? { sections, sections_url: location.pathname } : {}),
      },
      mapError: (status, body) => (status === 422 ? from422(body) : undefined),
    });
    if (!res.ok) return res;
    added = res.value.data;
    // The add succeeded: from here on, refreshing is best effort (a failed cart.js read must
    // not turn a good add into an error, nor Retry into a duplicate).
    const cart = await getCart({ signal });
    return ok(cart.ok ? cart.value : undefined);
  }

  return {
    name: 'shopify',
    getCart,

    hydrate: (products, { signal }) =>
      hydrateEach(products, (p) => {
        const handle = p.refs?.shopifyHandle;
        if (!handle) return undefined;
        return request(`${root()}products/${encodeURIComponent(handle)}.js`, { signal, timeoutMs: config.timeoutMs }).then((res) => {
          if (!res.ok) return res;
          const d = res.value.data;
          if (!Array.isArray(d?.variants)) return fail('UNKNOWN', `The store answered products/${handle}.js with an unreadable product.`, res.value.status);
          // products/{handle}.js carries no currency: the page's active one (Shopify.currency.active).
          const currency: string = g.Shopify?.currency?.active ?? p.currency ?? 'USD';
          const m = (v: unknown) => fromHundredths(v, currency);
          const byId = new Map(d.variants.map((v: any) => [String(v.id), v]));
          const mine = p.variants?.length ? p.variants : d.variants.map((v: any) => ({ id: String(v.id), options: [], refs: { shopifyVariantId: String(v.id) } }));
          return ok({
            ...p,
            price: m(d.price),
            compareAtPrice: m(d.compare_at_price),
            currency,
            available: d.available,
            variants: mine.map((v: any) => {
              const s: any = byId.get(numericId(v.refs?.shopifyVariantId ?? v.id));
              return s
                ? { ...v, title: s.title, price: m(s.price), compareAtPrice: m(s.compare_at_price), available: s.available,
                    options: v.options.length ? v.options : [s.option1, s.option2, s.option3].filter((o) => o != null) }
                : v;
            }),
          });
        });
      }),

    addLines: (lines, options) => serial(() => addLines(lines, options)),

    checkoutUrl,

    async openCart() {
      const t = themeCart();
      if (actions()?.openCart) await actions().openCart();
      else if (t?.localName === 'cart-drawer' && t.open) t.open();
      else go(config.cartUrl ?? g.routes?.cart_url ?? `${root()}cart`, config.navigate, config);
    },

    notifyCartChanged(cart) {
      if (actions()?.updateCart) return; // the standard action told the theme itself
      const state = added;
      added = undefined;
      const t = themeCart();
      const first = state?.items?.[0];
      const hooks: Array<() => void> = [];
      if (g.publish) {
        // Dawn's pub/sub, as its product form publishes it (cartData: the add.js answer).
        hooks.push(() => g.publish(g.PUB_SUB_EVENTS?.cartUpdate ?? 'cart-update', { source: 'shoppable-video', productVariantId: first?.variant_id, cartData: state }));
      }
      if (state?.sections && t?.renderContents) {
        // Dawn's <cart-drawer> reads `id`, <cart-notification> the added line's `key`; both
        // swap their sections in and open ("Added to your cart").
        hooks.push(() => t.renderContents({ ...state, id: first?.variant_id, key: first?.key }));
      } else {
        // A page-type cart (or no theme hooks): refresh the count bubble, and tell themes that
        // listen for the common "refetch the cart" event. The shopper stays on the show.
        if (state?.sections?.['cart-icon-bubble']) hooks.push(() => swapSection('cart-icon-bubble', state.sections['cart-icon-bubble']));
        if (!g.publish) hooks.push(() => document.dispatchEvent(new CustomEvent('cart:refresh', { bubbles: true, detail: { cart } })));
      }
      let failure: unknown;
      for (const hook of hooks) {
        try {
          hook();
        } catch (e) {
          failure ??= e;
        }
      }
      if (failure) throw failure; // every hook ran; the cart flow reports the first failure on the console
    },
  };
}
