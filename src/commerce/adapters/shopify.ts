/**
 * `checkout="shopify"`: the theme's own cart on a Shopify storefront (same origin only).
 * Adds through the standard `Shopify.actions.updateCart` when the page has it, else through
 * the Ajax API under `Shopify.routes.root`, then re-renders a Dawn-style drawer from the
 * returned `sections`, publishes the theme's `cart-update`, or refreshes the count bubble.
 */
import { fail, go, hydrateEach, ok, refsOf, request, untilAborted } from '../http.js';
import type { AdapterConfig, CartSummary, CheckoutAdapter, CommerceError } from '../types.js';
import { cartProblem, fromStorefrontCart, gid } from './storefront-cart.js';

const g = globalThis as any;
const numericId = (id: string) => id.split('/').pop()!;

/** Shopify's 422 texts: "…is already sold out.", "Only 2 items were added…", "The maximum quantity…". */
function from422(body: any): CommerceError {
  const message: string = body?.description || body?.message || 'The cart refused the change.';
  const code = /sold out/i.test(message) ? 'OUT_OF_STOCK'
    : /only|maximum|all \d|quantit/i.test(message) ? 'QUANTITY_LIMIT'
    : 'NOT_PURCHASABLE';
  return fail(code, message, 422).error;
}

function fromAjaxCart(cart: any, checkoutUrl: string): CartSummary {
  return {
    itemCount: cart.item_count,
    total: cart.total_price,
    currency: cart.currency,
    checkoutUrl,
    lines: cart.items.map((i: any) => ({
      key: i.key,
      productId: String(i.product_id),
      variantId: String(i.variant_id),
      title: i.product_title ?? i.title,
      quantity: i.quantity,
      price: i.price,
      properties: i.properties ?? {},
    })),
  };
}

export default function shopify(config: AdapterConfig): CheckoutAdapter {
  const root = () => config.cartRoot ?? g.Shopify?.routes?.root ?? '/';
  const actions = () => g.Shopify?.actions;
  const drawer = () => (typeof document === 'undefined' ? null : (document.querySelector('cart-drawer') as any));
  const checkoutUrl = () => config.checkoutUrl ?? `${root()}checkout`;
  /** The last add.js answer with its sections, for the theme refresh. */
  let added: any;

  const getCart = async ({ signal }: { signal: AbortSignal }) => {
    const res = await request(`${root()}cart.js`, { signal, timeoutMs: config.timeoutMs });
    return res.ok ? ok(fromAjaxCart(res.value.data, checkoutUrl())) : res;
  };

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
          const byId = new Map(d.variants.map((v: any) => [String(v.id), v]));
          const mine = p.variants?.length ? p.variants : d.variants.map((v: any) => ({ id: String(v.id), options: [], refs: { shopifyVariantId: String(v.id) } }));
          return ok({
            ...p,
            price: d.price,
            compareAtPrice: d.compare_at_price ?? undefined,
            available: d.available,
            variants: mine.map((v: any) => {
              const s: any = byId.get(numericId(v.refs?.shopifyVariantId ?? v.id));
              return s
                ? { ...v, title: s.title, price: s.price, compareAtPrice: s.compare_at_price ?? undefined, available: s.available,
                    options: v.options.length ? v.options : [s.option1, s.option2, s.option3].filter((o) => o != null) }
                : v;
            }),
          });
        });
      }),

    async addLines(lines, { signal }) {
      const ids = lines.map((l) => refsOf(l).shopifyVariantId);
      if (ids.some((id) => !id)) return fail('NOT_PURCHASABLE', 'This product has no Shopify variant id (refs.shopifyVariantId).');

      const standard = actions();
      if (standard?.updateCart) {
        // The standard action also tells the theme (drawer, bubble, shopify:cart:* events).
        const res = await untilAborted<any>(
          standard.updateCart({
            lines: lines.map((l, i) => ({
              merchandiseId: gid('ProductVariant', ids[i]!),
              quantity: l.quantity,
              attributes: Object.entries(l.properties ?? {}).map(([key, value]) => ({ key, value })),
            })),
          }),
          signal,
          (reason) => fail('NETWORK', (reason as Error)?.message || 'The cart could not be updated.').error,
        );
        if (!res.ok) return res;
        const problem = cartProblem(res.value?.userErrors, res.value?.warnings);
        if (problem) return { ok: false, error: problem };
        return ok(res.value?.cart ? { ...fromStorefrontCart(res.value.cart), checkoutUrl: checkoutUrl() } : undefined);
      }

      const d = drawer();
      const sections: string[] = d?.getSectionsToRender?.().map((s: any) => s.id) ??
        (document.getElementById('cart-icon-bubble') ? ['cart-icon-bubble'] : []);
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
      return getCart({ signal });
    },

    checkoutUrl,

    async openCart() {
      const d = drawer();
      if (actions()?.openCart) await actions().openCart();
      else if (d?.open) d.open();
      else go(config.cartUrl ?? `${root()}cart`, config.navigate);
    },

    notifyCartChanged(cart) {
      if (actions()?.updateCart) return;
      const state = added;
      added = undefined;
      const d = drawer();
      if (state?.sections && d?.renderContents) {
        // Dawn: renderContents(parsedState) reads `id` and `sections`, re-renders, opens.
        d.renderContents({ ...state, id: state.items?.[0]?.variant_id });
      } else if (state?.sections?.['cart-icon-bubble']) {
        const bubble = document.getElementById('cart-icon-bubble');
        const html = new DOMParser().parseFromString(state.sections['cart-icon-bubble'], 'text/html');
        bubble?.replaceChildren(...(html.querySelector('.shopify-section') ?? html.body).childNodes);
      }
      if (g.publish) {
        const productVariantId = state?.items?.[0]?.variant_id;
        g.publish(g.PUB_SUB_EVENTS?.cartUpdate ?? 'cart-update', { source: 'shoppable-video', productVariantId, cartData: state });
      } else if (!d?.renderContents) {
        // Themes without Dawn's hooks: the common "refetch the cart" event.
        document.dispatchEvent(new CustomEvent('cart:refresh', { bubbles: true, detail: { cart } }));
      }
    },
  };
}
