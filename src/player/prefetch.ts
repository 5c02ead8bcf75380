import type { HlsConfig, LoaderCallbacks, LoaderConfiguration, LoaderContext, LoaderStats } from 'hls.js';
import { fetchTimed, type Fetched } from './fetch-timed.js';

/**
 * Starts the requests hls.js will make first — master playlist, the start variant's media
 * playlist (and its default audio rendition), the init segment and the first media segment —
 * while the hls.js chunk is still downloading, then hands hls.js the responses through a
 * loader. It removes round trips from the start-up chain (page → hls.js → master → media
 * playlist → segments) without changing what hls.js decides: any miss falls back to a normal
 * request, and any failed prefetch is simply re-requested by hls.js, which reports it.
 */
export class Prefetcher {
  /** Index, in hls.js's bitrate-sorted level list, of the variant prefetched. */
  startLevel: number | undefined;
  /** Settles once the master playlist has been fetched (or failed): startLevel is known then. */
  readonly ready: Promise<void>;
  private readonly entries = new Map<string, Promise<Fetched>>();

  /**
   * @param master the master playlist request, when the caller started it already (the
   *   player does, before this module has even loaded)
   * @param abort aborts every request of this prefetcher (and `master`)
   */
  constructor(
    private readonly url: string,
    private readonly startTime = 0,
    master?: Promise<Fetched>,
    private readonly abort = new AbortController(),
  ) {
    if (master) this.entries.set(url, master);
    this.ready = this.run().catch(() => undefined);
  }

  /** Takes (once) a prefetched response for `url`, or null. */
  take(url: string): Promise<Fetched> | null {
    const hit = this.entries.get(url) ?? null;
    this.entries.delete(url);
    return hit;
  }

  dispose(): void {
    this.abort.abort();
    this.entries.clear();
  }

  private get(url: string, binary: boolean): Promise<Fetched> {
    let entry = this.entries.get(url);
    if (!entry) {
      entry = fetchTimed(url, binary, this.abort.signal);
      entry.catch(() => this.entries.delete(url));
      this.entries.set(url, entry);
    }
    return entry;
  }

  private async run(): Promise<void> {
    const master = await this.get(this.url, false);
    const text = master.data as string;
    if (!text.includes('#EXT-X-STREAM-INF')) {
      // A media playlist: prefetch its first segments directly.
      return this.prefetchMedia(this.url, text);
    }
    const variant = pickVariant(text, this.url);
    if (!variant) return;
    this.startLevel = variant.sortedIndex;
    void this.mediaPlaylist(variant.url).catch(() => undefined);
    if (variant.audioUrl) void this.mediaPlaylist(variant.audioUrl).catch(() => undefined);
  }

  private async mediaPlaylist(url: string): Promise<void> {
    const playlist = await this.get(url, false);
    this.prefetchMedia(url, playlist.data as string);
  }

  private prefetchMedia(url: string, text: string): void {
    // Live playlists start near the live edge, which hls.js computes from the playlist it gets:
    // prefetch only VOD, and let hls.js fetch a live one afresh (handed one as old as hls.js's
    // own download, it started that far behind the edge and stayed there).
    if (!text.includes('#EXT-X-ENDLIST')) return void this.entries.delete(url);
    const segment = segmentAt(text, url, this.startTime);
    if (!segment) return;
    if (segment.init) void this.get(segment.init, true).catch(() => undefined);
    void this.get(segment.url, true).catch(() => undefined);
  }
}

const ATTRIBUTE_NAME = /^[A-Z0-9-]+$/;

/**
 * Reads an HLS attribute list (`NAME=value,NAME="quoted, value"`) in one pass: linear in the
 * line's length whatever it holds (the playlist is untrusted). A name that is not an
 * attribute name is skipped with its value.
 */
export function attributes(list: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = list.length;
  let i = 0;
  while (i < n) {
    const eq = list.indexOf('=', i);
    if (eq < 0) break;
    // The name starts after the last comma before '=' (a stray token without '=' is skipped).
    const name = list.slice(Math.max(i, list.lastIndexOf(',', eq) + 1), eq).trim();
    let value: string;
    if (list[eq + 1] === '"') {
      const close = list.indexOf('"', eq + 2);
      const end = close < 0 ? n : close;
      value = list.slice(eq + 2, end);
      const comma = list.indexOf(',', end);
      i = comma < 0 ? n : comma + 1;
    } else {
      const comma = list.indexOf(',', eq + 1);
      const end = comma < 0 ? n : comma;
      value = list.slice(eq + 1, end);
      i = end + 1;
    }
    if (ATTRIBUTE_NAME.test(name)) out[name] = value;
  }
  return out;
}

/** The first variant listed (the author's start variant), with its default audio rendition. */
export function pickVariant(master: string, base: string): { url: string; audioUrl?: string; sortedIndex: number } | null {
  const variants: Array<{ bandwidth: number; url: string; audio?: string }> = [];
  const audio = new Map<string, string>();
  // EXT-X-STREAM-INF tags waiting for their URI (the next line that is not a tag): one pass.
  let waiting: Array<Record<string, string>> = [];
  const ms = (globalThis as { MediaSource?: typeof MediaSource }).MediaSource;
  for (const raw of master.split(/\r?\n/)) {
    const line = raw.trim();
    if (line && !line.startsWith('#')) {
      for (const a of waiting) {
        const codecs = a['CODECS'];
        const playable = !codecs || !ms?.isTypeSupported || codecs.split(',').every((c) => ms.isTypeSupported(`video/mp4; codecs="${c.trim()}"`) || ms.isTypeSupported(`audio/mp4; codecs="${c.trim()}"`));
        if (playable) variants.push({ bandwidth: Number(a['BANDWIDTH']) || 0, url: line, audio: a['AUDIO'] });
      }
      waiting = [];
    } else if (line.startsWith('#EXT-X-STREAM-INF:')) {
      waiting.push(attributes(line.slice(18)));
    } else if (line.startsWith('#EXT-X-MEDIA:')) {
      const a = attributes(line.slice(13));
      if (a['TYPE'] === 'AUDIO' && a['URI'] && a['GROUP-ID'] && (a['DEFAULT'] === 'YES' || !audio.has(a['GROUP-ID']))) {
        audio.set(a['GROUP-ID'], new URL(a['URI'], base).href);
      }
    }
  }
  const chosen = variants[0];
  if (!chosen) return null;
  // hls.js orders levels by bitrate (stable); startLevel indexes that order.
  const sorted = variants.map((v, i) => ({ v, i })).sort((a, b) => a.v.bandwidth - b.v.bandwidth || a.i - b.i);
  return {
    url: new URL(chosen.url, base).href,
    audioUrl: chosen.audio ? audio.get(chosen.audio) : undefined,
    sortedIndex: sorted.findIndex((s) => s.v === chosen),
  };
}

/** The segment covering `time` in a media playlist, with its init segment (fMP4). */
export function segmentAt(playlist: string, base: string, time: number): { url: string; init?: string } | null {
  let t = 0;
  let init: string | undefined;
  let duration = -1;
  for (const raw of playlist.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#EXT-X-MAP:')) {
      const a = attributes(line.slice(11));
      if (a['BYTERANGE']) return null;
      init = a['URI'] ? new URL(a['URI'], base).href : undefined;
    } else if (line.startsWith('#EXT-X-BYTERANGE')) {
      return null; // ranges are not cached by URL
    } else if (line.startsWith('#EXTINF:')) {
      duration = parseFloat(line.slice(8));
    } else if (line && !line.startsWith('#') && duration >= 0) {
      if (time < t + duration) return { url: new URL(line, base).href, init };
      t += duration;
      duration = -1;
    }
  }
  return null;
}

type LoaderClass = NonNullable<HlsConfig['loader']>;

/** Wraps hls.js's loader so that prefetched URLs are answered from the prefetcher. */
export function prefetchingLoader(Base: LoaderClass, prefetch: Prefetcher): LoaderClass {
  return class PrefetchLoader extends (Base as new (config: HlsConfig) => InstanceType<LoaderClass>) {
    private skip = false;

    override load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
      const ranged = Boolean(context.rangeStart || context.rangeEnd); // hls.js uses 0/0 for whole files
      const hit = ranged ? null : prefetch.take(context.url);
      if (!hit) return super.load(context, config, callbacks);
      this.skip = false;
      // What BaseLoader.load would keep, so abort() still reaches hls.js's onAbort.
      Object.assign(this, { context, config, callbacks });
      hit.then(
        (f) => {
          if (this.skip) return;
          const size = typeof f.data === 'string' ? f.data.length : f.data.byteLength;
          const stats = this.stats as LoaderStats;
          stats.loading = { start: f.start, first: f.first, end: f.end };
          stats.loaded = stats.total = size;
          const binary = context.responseType === 'arraybuffer';
          const data = binary ? (typeof f.data === 'string' ? new TextEncoder().encode(f.data).buffer : f.data) : typeof f.data === 'string' ? f.data : new TextDecoder().decode(f.data);
          callbacks.onSuccess({ url: context.url, data, code: 200 }, stats, context, null);
        },
        () => {
          if (!this.skip) super.load(context, config, callbacks);
        },
      );
    }

    override abort(): void {
      this.skip = true;
      super.abort();
    }

    override destroy(): void {
      this.skip = true;
      super.destroy();
    }
  } as unknown as LoaderClass;
}
