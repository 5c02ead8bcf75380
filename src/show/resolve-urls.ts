import type { Show } from '../timeline/types.js';

/** Relative URLs in a manifest are relative to the manifest, as in HLS playlists. */
export function resolveUrls(show: Show, base: string): Show {
  const abs = (u?: string) => {
    if (!u) return u;
    try {
      return new URL(u, base).href;
    } catch {
      return u;
    }
  };
  return {
    ...show,
    video: show.video && {
      ...show.video,
      src: abs(show.video.src)!,
      poster: abs(show.video.poster),
      captions: show.video.captions?.map((c) => ({ ...c, src: abs(c.src)! })),
    },
    products: show.products.map((p) => ({
      ...p,
      image: abs(p.image),
      url: abs(p.url),
      variants: p.variants?.map((v) => ({ ...v, image: abs(v.image) })),
    })),
  };
}
