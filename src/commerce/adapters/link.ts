/**
 * `checkout="link"`: no API. A line with a Shopify variant id goes to a cart permalink
 * (`/cart/{variant}:{qty}`, the show id as a hidden cart attribute); any other line opens
 * its product URL with `sv_show` / `sv_cue` referral parameters. Nothing to read back.
 */
import { fail, go, ok, refsOf } from '../http.js';
import type { AdapterConfig, CheckoutAdapter } from '../types.js';
import { allowedUrl } from '../navigation.js';
import { CUE_PROPERTY, SHOW_PROPERTY } from '../types.js';

export default function link(config: AdapterConfig): CheckoutAdapter {
  const root = () => `${config.shop ?? ''}${config.cartRoot ?? (globalThis as any).Shopify?.routes?.root ?? '/'}`;
  return {
    name: 'link',
    async addLines(lines) {
      const props = lines[0]?.properties ?? {};
      const show = props[SHOW_PROPERTY] ?? config.showId;
      const cue = props[CUE_PROPERTY];
      const variants = lines.map((l) => refsOf(l).shopifyVariantId?.split('/').pop());
      let url: URL;
      if (lines.length && variants.every(Boolean)) {
        url = new URL(`${root()}cart/${variants.map((v, i) => `${v}:${lines[i]!.quantity}`).join(',')}`, location.href);
        if (show) url.searchParams.set(`attributes[${SHOW_PROPERTY}]`, show);
        if (cue) url.searchParams.set(`attributes[${CUE_PROPERTY}]`, cue);
      } else if (lines.length === 1 && lines[0]!.product.url) {
        try {
          url = new URL(lines[0]!.product.url, location.href);
        } catch {
          return fail('NOT_PURCHASABLE', 'This product has no valid URL to open.');
        }
        if (show) url.searchParams.set('sv_show', show);
        if (cue) url.searchParams.set('sv_cue', cue);
      } else {
        return fail('NOT_PURCHASABLE', 'This product has neither a Shopify variant id nor a product URL to open.');
      }
      if (!go(url.href, config.navigate, config)) {
        return fail('NOT_PURCHASABLE', `This product's page is on another site (${url.origin}) that this page does not allow.`);
      }
      return ok(undefined);
    },
    checkoutUrl: () => allowedUrl(config.checkoutUrl, config),
  };
}
