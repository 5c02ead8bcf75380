/**
 * Show manifest validation: turns untrusted JSON into a {@link Show}, keeping every valid
 * part and reporting every problem with its path (docs/show-manifest.md). Hand-written rather
 * than valibot: parseShow bundles to 2.3 KB min+gzip here, a valibot version of the same rules
 * to 4.0 KB (valibot's own primitives alone are 2.4 KB); esbuild --minify, gzip -9.
 */
import type {
  CaptionTrack,
  Chapter,
  Cue,
  Keyframe,
  MerchantRefs,
  Product,
  ProductOption,
  Show,
  ShowVideo,
  Variant,
} from './types.js';

/** One problem found in a show. */
export interface ManifestIssue {
  /** Where, e.g. `products[2].price`; `''` for the document itself. */
  path: string;
  /** Why, e.g. `expected an integer in minor units, got "49.90"`. */
  message: string;
  /** `error`: the item at the path (or the item holding that field) was dropped. `warning`: accepted. */
  severity: 'error' | 'warning';
}

/** The result of {@link parseShow}: `show` is null only when the whole document was refused. */
export interface ParsedShow {
  show: Show | null;
  issues: ManifestIssue[];
}

/** The manifest version this build writes and reads; any `1.x` is accepted. */
export const SUPPORTED_VERSION = '1.0';

/** Merchant reference fields, in documentation order. */
export const REF_FIELDS = [
  'shopifyProductId',
  'shopifyVariantId',
  'shopifyHandle',
  'wooProductId',
  'wooVariationId',
  'bigcommerceProductId',
  'bigcommerceVariantId',
  'sku',
] as const;

/**
 * Reads one value: returns it (possibly normalised) or, after pushing an issue, undefined.
 * @internal
 */
export type Read<T> = (value: unknown, path: string, issues: ManifestIssue[]) => T | undefined;

type Fields = Record<string, unknown>;

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** `null` and `''` mean the same as leaving a field out (docs/show-manifest.md, Conventions). */
const absent = (v: unknown): boolean => v === undefined || v === null || v === '';

const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A short, safe rendering of a bad value for a message. */
const quote = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)
    : Array.isArray(v)
      ? 'an array'
      : isRecord(v)
        ? 'an object'
        : String(v);

/**
 * Caps on every array of a show (docs/show-manifest.md, "Limits"). Items past a cap are
 * ignored with one issue; a list that must be read whole (an option's values, a cue's
 * keyframes…) fails instead. Parsing is linear in the size of the document.
 */
export const LIMITS = {
  products: 5000,
  /** Per product (Shopify's own maximum is 2,048). */
  variants: 2048,
  /** Option axes per product, and values per axis. */
  options: 10,
  values: 2048,
  cues: 20000,
  /** Per cue. */
  keyframes: 1000,
  captions: 50,
  chapters: 1000,
  /** Issues listed by parseShow; the rest are counted in one last issue. */
  issues: 1000,
} as const;

/** Issues not listed because the list reached LIMITS.issues, per list. */
const unlisted = new WeakMap<ManifestIssue[], number>();

const fail = (issues: ManifestIssue[], path: string, message: string, severity: ManifestIssue['severity'] = 'error'): undefined => {
  if (issues.length < LIMITS.issues) issues.push({ path, message, severity });
  else unlisted.set(issues, (unlisted.get(issues) ?? 0) + 1);
  return undefined;
};

/** Characters as JSON Schema's maxLength counts them: code points, not UTF-16 units. */
const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const str =
  (max: number, pattern?: RegExp, expected?: string): Read<string> =>
  (v, p, is) =>
    typeof v !== 'string'
      ? fail(is, p, `expected a string, got ${quote(v)}`)
      : v.length > max && codePoints(v) > max
        ? fail(is, p, `expected at most ${max} characters, got ${codePoints(v)}`)
        : pattern && !pattern.test(v)
          ? fail(is, p, `expected ${expected}, got ${quote(v)}`)
          : v;

/** A finite number in [min, max] (a cue's `end` accepts Infinity on top of this). */
const num =
  (what: string, min: number, max = Infinity, integer = false): Read<number> =>
  (v, p, is) =>
    typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isSafeInteger(v))
      ? fail(is, p, `expected ${what}, got ${quote(v)}`)
      : v < min || v > max
        ? fail(is, p, `expected ${what} ${max < Infinity ? `from ${min} to ${max}` : `≥ ${min}`}, got ${v}`)
        : v;

const bool: Read<boolean> = (v, p, is) => (typeof v === 'boolean' ? v : fail(is, p, `expected true or false, got ${quote(v)}`));

/** Ids are strings; integer ids (as stores emit them) are accepted and turned into strings. */
const idText = str(256, /\S/, 'a non-empty id');
const id: Read<string> = (v, p, is) => (Number.isSafeInteger(v) ? String(v) : idText(v, p, is));

const text = str(500);
const currencyCode = str(3, /^[A-Z]{3}$/, 'an ISO 4217 currency code like "USD"');
const money = num('an integer in minor units', 0, Infinity, true);
const time = num('a time in seconds', 0);
const fraction = num('a fraction of the frame', 0, 1);

/** Only http(s) and relative URLs: never `javascript:`, `data:` or anything else. */
const url: Read<string> = (v, p, is) => {
  const s = str(2048)(v, p, is);
  if (s === undefined) return;
  let protocol = '';
  try {
    protocol = new URL(s, 'https://relative.invalid/').protocol;
  } catch {
    // not a URL at all
  }
  return protocol === 'http:' || protocol === 'https:' ? s : fail(is, p, `expected an http(s) or relative URL, got ${quote(s)}`);
};

/**
 * Reads the listed fields of an object. `null`, `undefined` and `''` count as absent; other
 * fields are ignored (forward compatibility). A bad field fails the whole object, unless
 * `partial`, where it is dropped alone.
 */
const obj =
  <T>(spec: Record<string, Read<unknown>>, required: readonly string[] = [], partial = false): Read<T> =>
  (raw, path, issues) => {
    if (!isRecord(raw)) return fail(issues, path, `expected an object, got ${quote(raw)}`);
    const out: Fields = {};
    let ok = true;
    for (const key in spec) {
      const v = raw[key];
      const at = join(path, key);
      if (absent(v)) {
        if (required.includes(key)) {
          fail(issues, at, 'required');
          ok = false;
        }
        continue;
      }
      const r = spec[key](v, at, issues);
      if (r !== undefined) out[key] = r;
      else ok &&= partial;
    }
    return ok ? (out as T) : undefined;
  };

/**
 * Reads an array of at most `max` items: bad items are dropped (or, when `strict`, fail the
 * array), and with `key` a repeated `item[key]` is dropped as a duplicate (the first one wins).
 */
const list =
  <T extends {}>(item: Read<T>, max: number, { strict = false, key }: { strict?: boolean; key?: keyof T } = {}): Read<T[]> =>
  (v, p, is) => {
    if (!Array.isArray(v)) return fail(is, p, `expected an array, got ${quote(v)}`);
    if (v.length > max) {
      if (strict) return fail(is, p, `expected at most ${max} items, got ${v.length}`);
      fail(is, p, `expected at most ${max} items, got ${v.length}: the items after the first ${max} were ignored`);
    }
    const out: T[] = [];
    const seen = new Set<unknown>();
    for (let i = 0; i < Math.min(v.length, max); i++) {
      const at = `${p}[${i}]`;
      const r = item(v[i], at, is);
      if (r === undefined) {
        if (strict) return;
      } else if (key && seen.has(r[key])) {
        fail(is, join(at, String(key)), `duplicate id ${quote(r[key])}`);
      } else {
        seen.add(key && r[key]);
        out.push(r);
      }
    }
    return out;
  };

const refs = obj<MerchantRefs>(Object.fromEntries(REF_FIELDS.map((f) => [f, id])));

const option = obj<ProductOption>({ name: text, values: list(text, LIMITS.values, { strict: true }) }, ['name', 'values']);

const variantFields = obj<Variant>(
  {
    id,
    title: text,
    options: list(text, LIMITS.options, { strict: true }),
    price: money,
    compareAtPrice: money,
    available: bool,
    inventory: num('an integer', -Infinity, Infinity, true),
    image: url,
    refs,
  },
  ['id'],
);

/**
 * Reads one variant of a product with these option axes: one value per axis, among its values.
 * `values` holds each axis's values as a set (built once per product: the check is linear).
 */
const variant =
  (axes: readonly ProductOption[], values: ReadonlyArray<ReadonlySet<string>>): Read<Variant> =>
  (raw, path, issues) => {
    const v = variantFields(raw, path, issues);
    if (!v) return;
    v.options ??= [];
    const at = join(path, 'options');
    if (v.options.length !== axes.length)
      return fail(issues, at, `expected ${axes.length} value(s), one per product option, got ${v.options.length}`);
    const bad = v.options.findIndex((value, i) => !values[i]!.has(value));
    return bad < 0 ? v : fail(issues, at, `${quote(v.options[bad])} is not a value of option ${quote(axes[bad]!.name)}`);
  };

const productFields = obj<Product>(
  {
    id,
    title: text,
    brand: text,
    description: str(5000),
    image: url,
    url,
    price: money,
    compareAtPrice: money,
    currency: currencyCode,
    available: bool,
    options: list(option, LIMITS.options, { strict: true }),
    refs,
  },
  ['id', 'title'],
);

/**
 * Reads one product. `currency` is the show's default; a product with any price needs one.
 * @internal
 */
export const readProduct =
  (currency?: string): Read<Product> =>
  (raw, path, issues) => {
    const p = productFields(raw, path, issues);
    if (!p) return;
    const rawVariants = (raw as Fields).variants;
    if (!absent(rawVariants)) {
      const axes = p.options ?? [];
      const values = axes.map((o) => new Set(o.values));
      const variants = list(variant(axes, values), LIMITS.variants, { key: 'id' })(rawVariants, join(path, 'variants'), issues);
      if (!variants) return;
      p.variants = variants;
    }
    if (currency) p.currency ??= currency;
    const priced = p.price !== undefined || p.variants?.some((v) => v.price !== undefined);
    return priced && !p.currency
      ? fail(issues, join(path, 'currency'), "required with a price (here or as the show's currency)")
      : p;
  };

const keyframe = obj<Keyframe>({ t: time, x: fraction, y: fraction }, ['t', 'x', 'y']);

const cueFields = obj<Cue>(
  {
    id,
    productId: id,
    start: time,
    end: (v, p, is) => (v === Infinity ? v : time(v, p, is)),
    x: fraction,
    y: fraction,
    keyframes: list(keyframe, LIMITS.keyframes, { strict: true }),
    label: text,
  },
  ['productId', 'start'],
);

/**
 * Reads one cue. With `products`, the cue's product must be one of them (`declared` holds
 * every product id the document declared, valid or not, to tell a dropped product from an
 * unknown one). `id` defaults to `productId@start`, `end` to Infinity; keyframes are sorted.
 * @internal
 */
export const readCue =
  (products?: ReadonlySet<string>, declared?: ReadonlySet<string>): Read<Cue> =>
  (raw, path, issues) => {
    const c = cueFields(raw, path, issues);
    if (!c) return;
    const { productId, start, end = Infinity, x, y, keyframes } = c;
    const at = (key: string) => join(path, key);
    if (products && !products.has(productId)) {
      const why = declared?.has(productId) ? 'was dropped (see its errors)' : 'is unknown';
      return fail(issues, at('productId'), `product ${quote(productId)} ${why}`);
    }
    if (end <= start) return fail(issues, at('end'), `expected a time after start (${start}), got ${end}`);
    if ((x === undefined) !== (y === undefined)) return fail(issues, at(x === undefined ? 'x' : 'y'), 'required with x and y');
    if (keyframes && !keyframes.length) return fail(issues, at('keyframes'), 'expected at least one keyframe');
    keyframes?.sort((a, b) => a.t - b.t);
    c.end = end;
    c.id ??= `${productId}@${start}`;
    return c;
  };

const video = obj<ShowVideo>(
  {
    src: url,
    poster: url,
    captions: list(
      obj<CaptionTrack>(
        { src: url, srclang: str(35, /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, 'a language tag like "en"'), label: text, default: bool },
        ['src', 'srclang'],
      ),
      LIMITS.captions,
    ),
  },
  ['src'],
);

/**
 * Parses and validates a show manifest (an object, or JSON text). Every valid part is kept:
 * a bad product is dropped with its cues, a bad cue, variant, caption or chapter alone, a bad
 * show-level field alone. Unknown fields are ignored. Only a document that is not an object,
 * or whose `version` is missing or not `1.x`, is refused (`show: null`).
 */
export function parseShow(input: unknown): ParsedShow {
  const issues: ManifestIssue[] = [];
  const refuse = (path: string, message: string): ParsedShow => ({ show: null, issues: [{ path, message, severity: 'error' }] });
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      return refuse('', `expected JSON, got a parse error: ${(e as Error).message}`);
    }
  }
  if (!isRecord(raw)) return refuse('', `expected a show object, got ${quote(raw)}`);
  const { version } = raw;
  const [, major, minor] = (typeof version === 'string' && /^(\d+)\.(\d+)$/.exec(version)) || [];
  if (major === undefined) return refuse('version', `expected a version like "${SUPPORTED_VERSION}", got ${quote(version)}`);
  if (major !== '1')
    return refuse('version', `unsupported version "${version}": this player reads 1.x manifests`);
  if (+minor > 0) fail(issues, 'version', `${version} is newer than ${SUPPORTED_VERSION}: fields added since are ignored`, 'warning');

  const head = obj<Omit<Show, 'version' | 'products' | 'cues'>>(
    {
      id,
      title: text,
      currency: currencyCode,
      video,
      chapters: list(obj<Chapter>({ title: text, start: time }, ['title', 'start']), LIMITS.chapters),
    },
    [],
    true,
  )(raw, '', issues)!;
  const products = list(readProduct(head.currency), LIMITS.products, { key: 'id' })(absent(raw.products) ? [] : raw.products, 'products', issues) ?? [];
  const ids = new Set(products.map((p) => p.id));
  const declared = new Set(Array.isArray(raw.products) ? raw.products.slice(0, LIMITS.products).map((p) => (isRecord(p) ? String(p.id) : '')) : []);
  const cues = list(readCue(ids, declared), LIMITS.cues, { key: 'id' })(absent(raw.cues) ? [] : raw.cues, 'cues', issues) ?? [];
  const more = unlisted.get(issues);
  if (more) issues.push({ path: '', message: `${more} more problem${more > 1 ? 's' : ''} not listed`, severity: 'warning' });
  return { show: { version: version as string, ...head, products, cues }, issues };
}

export { formatIssues, MAX_FORMATTED_ISSUES } from './issues.js';
