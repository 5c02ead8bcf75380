import type Hls from 'hls.js';
import type { ErrorData, LevelDetails } from 'hls.js';
import type { ShoppableError } from '../internal/errors.js';
import { LiveEdge } from '../live/live-view.js';
import type { MediaMetadata } from '../live/pins.js';
import { loadHls } from './hls-loader.js';
import type { Fetched } from './fetch-timed.js';
import { Prefetcher, prefetchingLoader } from './prefetch.js';
import { chooseEngine, truncate, type Engine } from './source.js';

/** One quality level of an adaptive stream. */
export interface Rendition {
  index: number;
  width: number;
  height: number;
  bitrate: number;
  label: string;
}

/** One subtitles/captions track. */
export interface CaptionOption {
  index: number;
  label: string;
  lang: string;
}

export interface PipelineHost {
  /** A failure; `fatal: false` ones (e.g. MEDIA_LIVE_STALLED) leave playback running. */
  onError(error: ShoppableError): void;
  /** Renditions or caption tracks changed. */
  onTracks(): void;
}

export interface LoadOptions {
  /** The engine the caller chose (it started the matching requests); chosen from the URL otherwise. */
  engine?: Engine;
  /**
   * Preloading before anyone pressed play: load the playlists and the first segment only
   * (PRELOAD_BUFFER_S), until {@link MediaPipeline.buffer} is called.
   */
  preloadOnly?: boolean;
  startTime?: number;
  /** The master playlist request, if the caller started it already. */
  master?: Promise<Fetched>;
  /** Aborts the start-up requests (with `master`) on teardown. */
  abort?: AbortController;
  crossOrigin?: string | null;
  captionsLang?: string | null;
}

/** Seconds buffered ahead before play (one segment: hls.js always loads at least one). */
const PRELOAD_BUFFER_S = 1;
/** Seconds buffered ahead while playing; hls.js would otherwise buffer up to 600 s of a low bitrate. */
const PLAY_BUFFER_S = 20;
const MAX_PLAY_BUFFER_S = 30;

/** hls.js instances alive now (tests assert that teardown leaves none). */
export const liveHlsInstances = new Set<Hls>();

/** hls.js errors no recovery can fix: the browser cannot decode the stream's format. */
const UNSUPPORTED_FORMAT = /IncompatibleCodecs|AddCodec/;
/** Media recoveries (recoverMediaError, then with swapAudioCodec) before a media error is fatal. */
const MEDIA_RECOVERIES = 2;
/** Seconds of media played since the last recovery after which a media error counts afresh. */
const RECOVERY_PROGRESS_S = 10;
/** How long hls.js waits for the prefetched master playlist before starting on its own. */
const PREFETCH_WAIT_MS = 4000;
const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Owns what feeds one <video>: hls.js (lazily imported) on the Media Source path, the
 * video's own HLS support where Media Source is absent, or a plain file. One pipeline per
 * source; `destroy()` makes every late callback of it a no-op.
 */
export class MediaPipeline {
  engine: Engine | null = null;
  private hls: Hls | null = null;
  private prefetch: Prefetcher | null = null;
  private destroyed = false;
  private mediaRecoveries = 0;
  /** The video's time at the last media recovery. */
  private recoveredAt = 0;
  private nativeListeners: Array<[string, EventListener]> = [];
  /** Live state, the LIVE badge and go-to-live (docs/live.md). */
  readonly live: LiveEdge;
  private replayPlaylist: MediaMetadata | null = null;
  private replayId3: MediaMetadata[] = [];

  constructor(
    readonly video: HTMLVideoElement,
    private readonly host: PipelineHost,
  ) {
    this.live = new LiveEdge(video, (e) => !this.destroyed && host.onError(e));
    this.listenNative('sv-metadata-request', () => {
      for (const detail of [this.replayPlaylist, ...this.replayId3]) if (detail) video.dispatchEvent(new CustomEvent('sv-metadata', { detail }));
    });
  }

  async load(url: string, options: LoadOptions = {}): Promise<void> {
    const engine = (this.engine = options.engine ?? chooseEngine(url));
    const { video } = this;
    if (options.crossOrigin != null) video.crossOrigin = options.crossOrigin;
    else video.removeAttribute('crossorigin');

    if (engine !== 'hls.js') {
      this.listenNative('error', () => this.fail(nativeError(video, url)));
      this.listenNative('loadedmetadata', () => {
        if (options.startTime) video.currentTime = options.startTime;
        this.host.onTracks();
      });
      video.textTracks.addEventListener?.('addtrack', this.tracksChanged);
      // Native HLS (Safari): DATERANGE and ID3 arrive as cues of a metadata text track.
      for (const type of ['loadedmetadata', 'progress', 'durationchange', 'seeked']) this.listenNative(type, this.nativeMetadata);
      video.textTracks.addEventListener?.('addtrack', this.nativeMetadata);
      video.src = url;
      return;
    }

    // Start the playlist and first-segment requests while the hls.js chunk downloads.
    const prefetch = new Prefetcher(url, options.startTime ?? 0, options.master, options.abort);
    this.prefetch = prefetch;
    let HlsCtor;
    try {
      [HlsCtor] = await Promise.all([loadHls(), Promise.race([prefetch.ready, delay(PREFETCH_WAIT_MS)])]);
    } catch (err) {
      if (!this.destroyed) {
        this.fail({
          source: 'media',
          code: 'MEDIA_HLS_LOAD_FAILED',
          message: 'The HLS playback module could not be downloaded. Check the connection and retry.',
          fatal: true,
          data: { reason: String(err) },
        });
      }
      return;
    }
    if (this.destroyed) return;

    const hls = new HlsCtor({
      loader: prefetchingLoader(HlsCtor.DefaultConfig.loader, prefetch),
      ...(prefetch.startLevel !== undefined && { startLevel: prefetch.startLevel }),
      // -1: hls.js picks the start (0 for VOD, the live sync position for live).
      startPosition: options.startTime || -1,
      // Keep what we buffer ahead modest: shows are watched on phones, and a player nobody
      // pressed play on loads one segment (docs/performance.md, "Data before play").
      maxBufferLength: options.preloadOnly ? PRELOAD_BUFFER_S : PLAY_BUFFER_S,
      maxMaxBufferLength: options.preloadOnly ? PRELOAD_BUFFER_S : MAX_PLAY_BUFFER_S,
      backBufferLength: 30,
      capLevelToPlayerSize: true,
      // Live: the duration is Infinity and the seekable range is the DVR window, so the controls
      // know a live stream; EXT-X-ENDLIST makes the duration finite (a replay, no reload).
      liveDurationInfinity: true,
      // LL-HLS parts are used when the playlist has them (hls.js's default, stated).
      lowLatencyMode: true,
      // Pins come from LEVEL_UPDATED and FRAG_PARSING_METADATA (src/live/pins.ts): no cue copies.
      enableDateRangeMetadataCues: false,
      enableID3MetadataCues: false,
      enableEmsgMetadataCues: false,
      // Network retries and timeouts: hls.js's default load policies (segments: 6 backed-off
      // retries over about 30 s on 5xx and network errors, 4 on timeouts; no retry on 4xx).
    });
    this.hls = hls;
    liveHlsInstances.add(hls);
    const { Events } = HlsCtor;
    hls.on(Events.ERROR, (_e, data) => this.onHlsError(data));
    hls.on(Events.MANIFEST_PARSED, () => {
      this.selectDefaultCaptions(options.captionsLang);
      this.host.onTracks();
    });
    hls.on(Events.SUBTITLE_TRACKS_UPDATED, this.tracksChanged);
    hls.on(Events.LEVEL_SWITCHED, this.tracksChanged);
    hls.on(Events.SUBTITLE_TRACK_SWITCH, this.tracksChanged);
    hls.on(Events.LEVEL_UPDATED, (_e, { details }) => this.levelUpdated(details));
    hls.on(Events.FRAG_PARSING_METADATA, (_e, { samples }) => this.metadata({ type: 'id3', samples: samples.map((m) => ({ time: m.pts, data: m.data })) }));
    hls.loadSource(url);
    hls.attachMedia(video);
  }

  /** Playback wanted: buffer ahead normally from now on (after a preload-only start). */
  buffer(): void {
    const config = this.hls?.config;
    if (!config || config.maxBufferLength === PLAY_BUFFER_S) return;
    config.maxBufferLength = PLAY_BUFFER_S;
    config.maxMaxBufferLength = MAX_PLAY_BUFFER_S; // read by hls.js's stream controller on its next tick (≤ 100 ms)
  }

  get renditions(): Rendition[] {
    return (this.hls?.levels ?? []).map((l, index) => ({
      index,
      width: l.width,
      height: l.height,
      bitrate: l.bitrate,
      label: l.height ? `${l.height}p` : `${Math.round(l.bitrate / 1000)} kbps`,
    }));
  }

  /** Chosen rendition, -1 for automatic. */
  get rendition(): number {
    return this.hls?.manualLevel ?? -1;
  }

  set rendition(index: number) {
    if (this.hls) this.hls.currentLevel = index;
  }

  /** The rendition playing now, -1 when unknown. */
  get activeRendition(): number {
    return this.hls?.currentLevel ?? -1;
  }

  /** The stream's subtitle tracks; side-loaded `<track>`s (e.g. from a show manifest) otherwise. */
  get captions(): CaptionOption[] {
    if (this.hls?.subtitleTracks.length) {
      return this.hls.subtitleTracks.map((t, index) => ({ index, label: t.name || t.lang || `Track ${index + 1}`, lang: t.lang ?? '' }));
    }
    return captionTextTracks(this.video).map((t, index) => ({ index, label: t.label || t.language || `Track ${index + 1}`, lang: t.language }));
  }

  /** Showing caption track, -1 for off. */
  get caption(): number {
    if (this.hls?.subtitleTracks.length) return this.hls.subtitleDisplay ? this.hls.subtitleTrack : -1;
    return captionTextTracks(this.video).findIndex((t) => t.mode === 'showing');
  }

  set caption(index: number) {
    if (this.hls?.subtitleTracks.length) {
      this.hls.subtitleDisplay = index >= 0;
      this.hls.subtitleTrack = index;
    } else {
      captionTextTracks(this.video).forEach((t, i) => (t.mode = i === index ? 'showing' : 'disabled'));
    }
    this.host.onTracks();
  }

  destroy(): void {
    this.destroyed = true;
    this.live.dispose();
    const { video } = this;
    video.textTracks.removeEventListener?.('addtrack', this.nativeMetadata);
    for (const track of Array.from(video.textTracks)) track.removeEventListener('cuechange', this.nativeMetadata);
    for (const [type, fn] of this.nativeListeners) video.removeEventListener(type, fn);
    this.nativeListeners = [];
    video.textTracks.removeEventListener?.('addtrack', this.tracksChanged);
    this.prefetch?.dispose();
    this.prefetch = null;
    if (this.hls) {
      liveHlsInstances.delete(this.hls);
      this.hls.destroy();
      this.hls = null;
    }
    // Release the decoder and the network: an emptied <video> holds nothing.
    video.removeAttribute('src');
    video.load();
  }

  /** A media playlist (re)loaded: live state, and its DATERANGEs placed through PROGRAM-DATE-TIME. */
  private levelUpdated(details: LevelDetails): void {
    const frags = details.fragments;
    const start = frags[0]?.start ?? 0;
    this.live.update(details.live, start, details.edge, details.endSN, details.targetduration, this.hls?.liveSyncPosition);
    const anchors = [];
    for (const f of frags) if (f.programDateTime !== null) anchors.push({ time: f.start, date: f.programDateTime });
    // LL-HLS: the segment being produced (parts only) has its own PROGRAM-DATE-TIME and start.
    const hint = details.fragmentHint;
    if (hint && hint.programDateTime !== null) anchors.push({ time: hint.start, date: hint.programDateTime });
    const ranges = [];
    for (const id in details.dateRanges) {
      const range = details.dateRanges[id];
      if (range) ranges.push({ attrs: range.attr as unknown as Record<string, string> });
    }
    this.metadata({ type: 'dateranges', ranges, anchors, window: { start, end: details.edge, ended: !details.live } });
  }

  /** Native HLS: the metadata text tracks' cues, each time they may have changed. */
  private readonly nativeMetadata = (): void => {
    const { video } = this;
    const cues: TextTrackCue[] = [];
    for (const track of Array.from(video.textTracks)) {
      if (track.kind !== 'metadata') continue;
      if (track.mode === 'disabled') track.mode = 'hidden';
      track.addEventListener('cuechange', this.nativeMetadata); // once: the same listener is not added twice
      cues.push(...Array.from(track.cues ?? []));
    }
    const s = video.seekable;
    const live = video.duration === Infinity;
    if (s.length) this.live.update(live, s.start(0), s.end(s.length - 1), s.end(s.length - 1), 2);
    if (cues.length) this.metadata({ type: 'cues', cues: cues as never, ...(s.length && { window: { start: s.start(0), end: s.end(s.length - 1), ended: !live } }) });
  };

  private metadata(detail: MediaMetadata): void {
    if (this.destroyed) return;
    // Kept for a show chunk that attaches later (it asks with `sv-metadata-request`): the last
    // playlist's DATERANGEs and the recent ID3 samples.
    if (detail.type === 'id3') {
      this.replayId3.push(detail);
      if (this.replayId3.length > 64) this.replayId3.shift();
    } else this.replayPlaylist = detail;
    this.video.dispatchEvent(new CustomEvent('sv-metadata', { detail }));
  }

  private readonly tracksChanged = (): void => {
    if (!this.destroyed) this.host.onTracks();
  };

  private listenNative(type: string, fn: EventListener): void {
    const guarded: EventListener = (e) => {
      if (!this.destroyed) fn(e);
    };
    this.video.addEventListener(type, guarded);
    this.nativeListeners.push([type, guarded]);
  }

  private selectDefaultCaptions(lang?: string | null): void {
    if (!lang || !this.hls) return;
    const want = lang.toLowerCase();
    const index = this.hls.subtitleTracks.findIndex((t) => (t.lang ?? '').toLowerCase().startsWith(want));
    if (index >= 0) this.caption = index;
  }

  private onHlsError(data: ErrorData): void {
    const hls = this.hls;
    if (this.destroyed || !hls || !data.fatal) return;
    if (data.type === 'mediaError' && !UNSUPPORTED_FORMAT.test(data.details)) {
      // hls.js's recommended recovery: recoverMediaError, then once more after swapping the
      // audio codec; the next failure is fatal unless playback got well past the last one
      // (a recurring error never loops). Codecs the browser cannot decode are fatal at once.
      const time = this.video.currentTime;
      if (time - this.recoveredAt >= RECOVERY_PROGRESS_S) this.mediaRecoveries = 0;
      if (this.mediaRecoveries < MEDIA_RECOVERIES) {
        this.recoveredAt = time;
        if (++this.mediaRecoveries === MEDIA_RECOVERIES) hls.swapAudioCodec();
        hls.recoverMediaError();
        return;
      }
    }
    this.fail(hlsError(data));
  }

  private fail(error: ShoppableError): void {
    if (this.destroyed) return;
    if (this.hls) {
      liveHlsInstances.delete(this.hls);
      this.hls.destroy();
      this.hls = null;
    }
    this.host.onError(error);
  }
}

function captionTextTracks(video: HTMLVideoElement): TextTrack[] {
  return Array.from(video.textTracks).filter((t) => t.kind === 'subtitles' || t.kind === 'captions');
}

function fileName(url?: string): string {
  if (!url) return 'the stream';
  try {
    const u = new URL(url);
    return truncate(u.pathname.split('/').pop() || u.href, 60);
  } catch {
    return truncate(url, 60);
  }
}

/** Maps a fatal hls.js error to the package's error shape, with a sentence a merchant can act on. */
export function hlsError(data: ErrorData): ShoppableError {
  const status = data.response?.code;
  const url = data.url ?? data.frag?.url ?? data.context?.url;
  const what = /^manifest/.test(data.details) ? 'playlist' : /^level/.test(data.details) ? 'media playlist' : /^frag/.test(data.details) ? 'video segment' : 'stream';
  const base = { source: 'media' as const, fatal: true, data: { details: data.details, type: data.type, status, url } };
  if (/Parsing|Empty|Incompatible/i.test(data.details) && data.type === 'networkError') {
    return { ...base, code: 'MEDIA_MANIFEST_PARSE', message: `The ${what} at ${fileName(url)} is not a valid HLS playlist (${data.reason ?? data.details}). Check that src points at an .m3u8 file.` };
  }
  if (data.type === 'networkError') {
    const why = /TimeOut/i.test(data.details) ? 'did not answer in time' : status ? `answered HTTP ${status}` : 'could not be reached';
    return { ...base, code: 'MEDIA_NETWORK', message: `The video could not be loaded: the server ${why} for the ${what} ${fileName(url)}.` };
  }
  if (UNSUPPORTED_FORMAT.test(data.details)) {
    return { ...base, code: 'MEDIA_UNSUPPORTED', message: `This browser cannot play the video's format (${data.reason ?? data.details}). Offer a rendition it supports, such as H.264 video with AAC audio.` };
  }
  if (data.type === 'mediaError') {
    return { ...base, code: 'MEDIA_DECODE', message: `This browser could not decode the video (${data.details}).` };
  }
  return { ...base, code: 'MEDIA_UNSUPPORTED', message: `The video could not be played (${data.details}).` };
}

function nativeError(video: HTMLVideoElement, url: string): ShoppableError {
  const code = video.error?.code ?? 0;
  const data = { mediaErrorCode: code, detail: video.error?.message, url };
  if (code === 2) return { source: 'media', code: 'MEDIA_NETWORK', fatal: true, data, message: `The video could not be loaded from ${fileName(url)} (network error).` };
  if (code === 3) return { source: 'media', code: 'MEDIA_DECODE', fatal: true, data, message: 'This browser could not decode the video.' };
  return { source: 'media', code: 'MEDIA_UNSUPPORTED', fatal: true, data, message: `The video at ${fileName(url)} could not be played: it is missing or in a format this browser does not support.` };
}
