/**
 * The feed's items: what a tile needs (id, title, poster, video, first product's price) read
 * from each show manifest. Manifests are untrusted: read within a size and a time cap, parsed
 * once, and only a few fields are looked at; the full validation happens in the story's
 * player when it opens. (Its own small reader rather than the show's loader: sharing a module
 * with the show chunk would split it into a chunk of its own, a round trip more for every show.)
 */
import type { Show } from '../timeline/types.js';

/** A tile reads at most this much of a manifest, within this time (the player allows more). */
export const TILE_MANIFEST_MAX_BYTES = 512 * 1024;
export const TILE_MANIFEST_TIMEOUT_MS = 10_000;

async function readCapped(url: string, signal: AbortSignal): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(TILE_MANIFEST_TIMEOUT_MS)]), credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const reader = res.body!.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.length;
    if (size > TILE_MANIFEST_MAX_BYTES) {
      void reader.cancel();
      throw new Error(`larger than ${TILE_MANIFEST_MAX_BYTES / 1024} KB`);
    }
    parts.push(r.value);
  }
  return new TextDecoder().decode(await new Blob(parts as BlobPart[]).arrayBuffer());
}

/** `sv-story-open` / `sv-story-close` detail: the story's id and index in the feed. */
export interface StoryDetail {
  id: string | undefined;
  index: number;
}

export interface Story {
  /** `#story=<id>`: the manifest's `id`, else the child player's `id`, else `story-<n>`. */
  id: string;
  /** What the viewer's player gets as `show`: a manifest URL or object. */
  show: string | Show | null;
  /** The video (resolved), for the preview and when the show has none. */
  src: string;
  poster: string;
  title: string;
  /** The first product's price, formatted; '' when unknown. */
  price: string;
}

/** One item as given: a manifest URL or object, and what a child player adds. */
export interface StorySource {
  show: string | Show | null;
  src?: string;
  poster?: string;
  label?: string;
  id?: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const resolve = (url: string, base: string): string => {
  try {
    return url ? new URL(url, base).href : '';
  } catch {
    return '';
  }
};

/** Reads one item; never throws (a failed manifest is one console line and a plain tile). */
export async function readStory(source: StorySource, n: number, locale: string, signal: AbortSignal): Promise<Story> {
  let show: Partial<Show> | null = typeof source.show === 'object' ? source.show : null;
  let base = document.baseURI;
  if (typeof source.show === 'string' && source.show) {
    base = resolve(source.show, base) || base;
    try {
      show = JSON.parse(await readCapped(base, signal)) as Partial<Show>;
    } catch (err) {
      if (!signal.aborted) console.warn(`[shoppable-video] FEED_ITEM: story ${n + 1} (${source.show}) could not be read: ${String(err instanceof Error ? err.message : err)}`);
      show = null;
    }
  }
  const video = show && typeof show.video === 'object' ? show.video : null;
  const product = Array.isArray(show?.products) ? show!.products[0] : undefined;
  const price = product && typeof product.price === 'number' ? product.price : NaN;
  const currency = str(product?.currency) || str(show?.currency);
  let priceText = '';
  if (Number.isFinite(price) && currency) {
    try {
      const f = new Intl.NumberFormat(locale || undefined, { style: 'currency', currency });
      priceText = f.format(price / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
    } catch {
      /* an invalid currency code: no price on the tile */
    }
  }
  return {
    id: str(show?.id) || source.id || `story-${n + 1}`,
    show: source.show,
    src: resolve(source.src || str(video?.src), source.src ? document.baseURI : base),
    poster: resolve(source.poster || str(video?.poster), source.poster ? document.baseURI : base),
    title: source.label || str(show?.title),
    price: priceText,
  };
}
