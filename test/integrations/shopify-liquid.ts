/**
 * Renders the Shopify theme app extension's blocks (integrations/shopify/blocks/*.liquid) with
 * liquidjs the way Shopify's Liquid does, against sample store data built from the local
 * storefront's catalog (test/server/storefront/catalog.mjs), so the ids and stock agree with
 * the cart the page adds to. Only what the blocks use is implemented, after Shopify's docs:
 * - `asset_url`: the extension's asset URL (here the folder as the dev server serves it);
 * - `image_url: width: n`: an image URL with the width asked for;
 * - `t`: the extension's locales/en.default.json, with `{{ name }}` interpolation;
 * - `json`: JSON, with `<`, `>` and `&` escaped so it cannot close a script element;
 * - `divided_by`: integer division rounding down when both sides are integers (Ruby), not
 *   liquidjs's float division; `plus`/`minus`/`times` read strings as Ruby Liquid does
 *   ("5.5" → 5.5, "5x" → 5, "x" → 0);
 * - `split: ' '` splits on runs of whitespace (Ruby's awk-style split), other patterns drop
 *   trailing empty strings;
 * - `{% schema %}` renders nothing (its JSON is returned separately);
 * - money: `variant.price` in hundredths of the unit for every currency: $68.00 is 6800,
 *   ¥6,800 is 680000 (as the local storefront's `shopifyCurrency: 'JPY'` prices the catalog).
 */
import type { Liquid } from 'liquidjs';

/** liquidjs's browser build (its package.json "browser" field; the dev server would resolve the Node one). */
const liquidjs = (): Promise<typeof import('liquidjs')> => import(/* @vite-ignore */ '/node_modules/liquidjs/dist/liquid.browser.mjs' as string);

export const EXTENSION = '/integrations/shopify';

type Drop = Record<string, any>;

/** Ruby Liquid's Utils.to_number. */
function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = String(v ?? '').trim();
  if (/^-?\d+\.\d+$/.test(s)) return parseFloat(s);
  const int = s.match(/^[+-]?\d+/);
  return int ? parseInt(int[0], 10) : 0;
}

async function engine(): Promise<Liquid> {
  const locale = await fetch(`${EXTENSION}/locales/en.default.json`).then((r) => r.json());
  const liquid = new (await liquidjs()).Liquid({ strictFilters: true });
  liquid.registerFilter('asset_url', (name: string) => `${EXTENSION}/assets/${name}`);
  liquid.registerFilter('image_url', (image: any, ...args: unknown[]) => {
    const width = args.find((a): a is [string, unknown] => Array.isArray(a) && a[0] === 'width')?.[1];
    const src = typeof image === 'string' ? image : image?.src;
    return `${src}${width ? `?width=${width}` : ''}`;
  });
  liquid.registerFilter('t', (key: string, ...args: unknown[]) => {
    const text = String(key.split('.').reduce((o: any, k) => o?.[k], locale) ?? `translation missing: en.${key}`);
    const vars = Object.fromEntries(args.filter(Array.isArray) as [string, unknown][]);
    return text.replace(/{{\s*(\w+)\s*}}/g, (_, name) => String(vars[name] ?? ''));
  });
  liquid.registerFilter('json', (v: unknown) => JSON.stringify(v ?? null).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026'));
  const bothInts = (a: number, b: number) => Number.isInteger(a) && Number.isInteger(b);
  liquid.registerFilter('divided_by', (a: unknown, b: unknown) => {
    const [x, y] = [toNumber(a), toNumber(b)];
    return bothInts(x, y) ? Math.floor(x / y) : x / y;
  });
  liquid.registerFilter('plus', (a: unknown, b: unknown) => toNumber(a) + toNumber(b));
  liquid.registerFilter('minus', (a: unknown, b: unknown) => toNumber(a) - toNumber(b));
  liquid.registerFilter('times', (a: unknown, b: unknown) => toNumber(a) * toNumber(b));
  liquid.registerFilter('split', (v: unknown, pattern: unknown) => {
    const s = v == null ? '' : String(v);
    if (String(pattern) === ' ') return s.trim() ? s.trim().split(/\s+/) : [];
    const parts = s.split(String(pattern));
    while (parts.length && parts[parts.length - 1] === '') parts.pop();
    return parts;
  });
  liquid.registerTag('schema', {
    parse(_token: any, remain: any[]) {
      for (let t = remain.shift(); t; t = remain.shift()) if (t.name === 'endschema') return;
      throw new Error('schema tag not closed');
    },
    render() {
      return '';
    },
  } as any);
  return liquid;
}

let cached: Promise<Liquid> | undefined;

export interface Rendered {
  html: string;
  schema: any;
}

/** Renders `blocks/{name}.liquid` with the given objects (block, cart, request, routes…). */
export async function renderBlock(name: string, scope: Drop): Promise<Rendered> {
  const source = await fetch(`${EXTENSION}/blocks/${name}.liquid`).then((r) => r.text());
  const schema = JSON.parse(source.match(/{%\s*schema\s*%}([\s\S]*?){%\s*endschema\s*%}/)![1]!);
  const html = await (await (cached ??= engine())).parseAndRender(source, scope);
  return { html, schema };
}

/** A block's settings: the schema's defaults, then `values`. */
export function settingsOf(schema: any, values: Drop = {}): Drop {
  const defaults = Object.fromEntries(schema.settings.filter((s: any) => s.id && 'default' in s).map((s: any) => [s.id, s.default]));
  return { ...defaults, ...values };
}

const IMAGES: Record<string, string> = {
  'linen-overshirt': 'linen-overshirt.svg',
  'rose-serum-30': 'rose-serum.svg',
  'canvas-sneaker': 'canvas-sneaker.svg',
  'gold-hoops': 'gold-hoops.svg',
  'velvet-lipstick-rosewood': 'velvet-lipstick.svg',
};

/**
 * A shop's products as Liquid `product` objects, from the local storefront's catalog:
 * `hundredths` turns a catalog amount (cents for USD, whole yen for JPY) into Shopify's money.
 */
export async function shopProducts(currency: 'USD' | 'JPY'): Promise<Record<string, Drop>> {
  const { CATALOG } = await import(/* @vite-ignore */ '/test/server/storefront/catalog.mjs' as string);
  const hundredths = (v: number) => (currency === 'JPY' ? v * 100 : v);
  const out: Record<string, Drop> = {};
  for (const p of CATALOG as any[]) {
    const variants = p.variants.map((v: any) => ({
      id: Number(v.shopify),
      title: v.options.join(' / ') || 'Default Title',
      options: v.options.length ? v.options : ['Default Title'],
      price: hundredths(p.price),
      compare_at_price: p.compareAtPrice ? hundredths(p.compareAtPrice) : null,
      available: v.stock > 0,
      sku: v.sku,
    }));
    out[p.id] = {
      id: Number(p.shopify.productId),
      handle: p.shopify.handle,
      title: p.title,
      vendor: p.id === 'linen-overshirt' ? 'Harbor & Pine' : '',
      url: `/products/${p.shopify.handle}`,
      featured_image: { src: `/docs/examples/images/${IMAGES[p.id]}` },
      available: variants.some((v: any) => v.available),
      options: p.options ?? ['Title'],
      has_only_default_variant: !p.options,
      variants,
      selected_or_first_available_variant: variants.find((v: any) => v.available) ?? variants[0],
      price: variants[0].price,
    };
  }
  return out;
}

/** The objects every storefront page has. */
export const pageScope = (currency: 'USD' | 'JPY', designMode = false) => ({
  cart: { currency: { iso_code: currency } },
  request: { design_mode: designMode, locale: { iso_code: 'en' } },
  routes: { root_url: '/', cart_url: '/cart' },
});

/**
 * A storefront page as Shopify serves it: `content_for_header` (here: the `Shopify` global),
 * the section with the app block, the app embed at the end of the body, and each JavaScript
 * asset named in a rendered block's schema, once per page, deferred.
 */
export function page(currency: 'USD' | 'JPY', section: Rendered, embed?: Rendered): string {
  const scripts = new Set([section, embed].filter(Boolean).flatMap((b) => [b!.schema.javascript].flat().filter(Boolean)));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>window.Shopify = { routes: { root: '/' }, currency: { active: ${JSON.stringify(currency)}, rate: '1.0' } };</script>
<style>body { margin: 0; font: 16px system-ui, sans-serif; } main { max-width: 760px; margin: 0 auto; padding: 16px; }</style>
</head><body><main><h1>Spring edit</h1><section class="shopify-section">${section.html}</section></main>
${embed?.html ?? ''}
${[...scripts].map((s) => `<script src="${EXTENSION}/assets/${s}" defer></script>`).join('\n')}
</body></html>`;
}
