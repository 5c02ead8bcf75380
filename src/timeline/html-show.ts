/**
 * The HTML form of a show: `<shoppable-product>` children of `<shoppable-video>` (see
 * docs/html-show.md). Attributes are turned into the manifest's shape and checked by the same
 * readers, so both forms mean exactly the same; issue paths name elements and attributes,
 * e.g. `shoppable-product[2].price` (indexes count `<shoppable-product>` children from 0).
 */
import { REF_FIELDS, readCue, readProduct, type ManifestIssue } from './manifest.js';
import type { Cue, Product } from './types.js';

/** A show read from HTML: products and cues, plus the problems found. */
export interface HtmlShow {
  products: Product[];
  cues: Cue[];
  issues: ManifestIssue[];
}

/** What one `<shoppable-product>` contributes. `product` is null when it only adds an appearance, or is invalid. */
export interface HtmlProduct {
  product: Product | null;
  cues: Cue[];
  issues: ManifestIssue[];
}

const PRODUCT = ['id', 'title', 'brand', 'description', 'image', 'url', 'price', 'compareAtPrice', 'currency', 'available'];
const VARIANT = ['id', 'title', 'options', 'price', 'compareAtPrice', 'available', 'inventory', 'image'];
const CUE = ['id', 'start', 'end', 'x', 'y', 'keyframes', 'label'];
const INTEGER = /^\s*-?\d+\s*$/;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Attribute text → manifest value; text that does not convert stays text, for the reader to report. */
function convert(field: string, v: string): unknown {
  switch (field) {
    case 'price':
    case 'compareAtPrice':
    case 'inventory':
      return INTEGER.test(v) ? Number(v) : v;
    case 'start':
    case 'end':
    case 'x':
    case 'y':
      return v.trim() && !Number.isNaN(+v) ? +v : v;
    case 'available':
      return v === '' || v === 'true' ? true : v === 'false' ? false : v;
    case 'options':
      return v.split(' / ');
    case 'keyframes':
      return v
        .trim()
        .split(/\s+/)
        .map((k) => {
          const [t, x, y] = k.split(':').map(Number);
          return { t, x, y };
        });
    default:
      return v;
  }
}

/** Reads `fields` (and merchant refs) from attributes; `id` comes from the `idAttr` attribute. */
function read(el: Element, fields: readonly string[], idAttr: string, refs = true): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const f of fields) {
    const v = el.getAttribute(f === 'id' ? idAttr : kebab(f));
    if (v !== null) raw[f] = convert(f, v);
  }
  if (refs) {
    const r: Record<string, string> = {};
    for (const f of REF_FIELDS) {
      const v = el.getAttribute(kebab(f));
      if (v) r[f] = v;
    }
    if (Object.keys(r).length) raw.refs = r;
  }
  return raw;
}

/** A manifest path (`variants[1].refs.sku`) as an HTML path (`shoppable-variant[1].sku`). */
const htmlPath = (path: string, idAttr: string) =>
  path
    .replace(/^variants\[/, 'shoppable-variant[')
    .replace(/refs\./, '')
    .replace(/(^|\.)id$/, (_, dot) => dot + (path.startsWith('variants') ? 'variant-id' : idAttr))
    .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Reads one `<shoppable-product>`. With a `title` it declares a product; without, it only adds
 * an appearance of a product declared elsewhere (another element, the manifest or the API).
 * Its cue attributes (`start`, …) add one appearance; an invalid product drops its appearance.
 * @param path the element's name in issue paths
 * @param currency the default currency for prices
 */
export function readProductElement(el: Element, path = 'shoppable-product', currency?: string): HtmlProduct {
  const issues: ManifestIssue[] = [];
  const report = (found: ManifestIssue[], idAttr: string) =>
    issues.push(...found.map((i) => ({ ...i, path: `${path}.${htmlPath(i.path, idAttr)}` })));
  let product: Product | null = null;
  if (el.hasAttribute('title')) {
    const raw = read(el, PRODUCT, 'product-id');
    const variants = [...el.children].filter((c) => c.localName === 'shoppable-variant').map((v) => read(v, VARIANT, 'variant-id'));
    if (variants.length) raw.variants = variants;
    const axes = el.getAttribute('options');
    if (axes !== null) {
      raw.options = axes.split(' / ').map((name, i) => ({
        name,
        values: [...new Set(variants.map((v) => (v.options as string[] | undefined)?.[i]).filter(Boolean))],
      }));
    }
    const found: ManifestIssue[] = [];
    product = readProduct(currency)(raw, '', found) ?? null;
    report(found, 'product-id');
    if (!product) return { product, cues: [], issues };
  }
  const raw = read(el, CUE, 'cue-id', false);
  if (!Object.keys(raw).length) return { product, cues: [], issues };
  const found: ManifestIssue[] = [];
  const cue = readCue()({ ...raw, productId: el.getAttribute('product-id') }, '', found);
  report(found, 'cue-id');
  return { product, cues: cue ? [cue] : [], issues };
}

/**
 * Reads the show declared by the `<shoppable-product>` children of `host`. The first
 * declaration of a product id wins; later elements with that id only add their appearance.
 * A repeated cue id (explicit `cue-id`, or the default `product-id@start`) is dropped.
 */
export function readHtmlShow(host: ParentNode, currency?: string): HtmlShow {
  const show: HtmlShow = { products: [], cues: [], issues: [] };
  const ids = new Set<string>();
  const cueIds = new Set<string>();
  const elements = [...host.children].filter((c) => c.localName === 'shoppable-product');
  elements.forEach((el, i) => {
    const path = `shoppable-product[${i}]`;
    const { product, cues, issues } = readProductElement(el, path, currency);
    show.issues.push(...issues);
    if (product && !ids.has(product.id)) {
      ids.add(product.id);
      show.products.push(product);
    }
    for (const cue of cues) {
      if (!cueIds.has(cue.id)) {
        cueIds.add(cue.id);
        show.cues.push(cue);
      } else show.issues.push({ path: `${path}.cue-id`, message: `duplicate id "${cue.id}"`, severity: 'error' });
    }
  });
  return show;
}

/**
 * Watches the `<shoppable-product>` children of `host` (added, removed, attributes changed,
 * variants changed) and calls `onChange` with the re-read show, at most once per microtask,
 * and once at the start. Changes to the host's own attributes are ignored.
 * @returns a function that stops watching (no call happens after it).
 */
export function observeHtmlShow(host: Element, onChange: (show: HtmlShow) => void, currency?: string): () => void {
  let live = true;
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (live) onChange(readHtmlShow(host, currency));
    });
  };
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.target !== host || r.type === 'childList')) schedule();
  });
  observer.observe(host, { childList: true, subtree: true, attributes: true });
  schedule();
  return () => {
    live = false;
    observer.disconnect();
  };
}
