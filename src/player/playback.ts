/**
 * Playback end to end, for one `<video>`: when to load (near the viewport, `preload`,
 * `autoplay`, `play()`), engine choice and the start-up requests started alongside the lazy
 * pipeline chunk, load state, media-event state, exclusive playback and recovery. The player
 * element renders from this controller's state and hands it requests; nothing here touches
 * the element's rendering.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { reportError, type ShoppableError } from '../internal/errors.js';
import { onceOnline } from './online.js';
import type { CaptionOption, MediaPipeline, Rendition } from './pipeline.js';
import { clampSeek, resolveSrc, type Engine } from './source.js';
import { EarlyStart, inView, startRequests } from './start-requests.js';

/** What the controller reads from its host (`<shoppable-video>` satisfies it). */
export interface PlaybackHost extends ReactiveControllerHost, HTMLElement {
  readonly src: string;
  readonly preload: 'none' | 'metadata' | 'auto';
  readonly autoplay: boolean;
  readonly crossOrigin: string | null;
  readonly captionsLang: string;
  /** Keep playing when another player on the page starts. */
  readonly concurrent: boolean;
}

/** Media events re-dispatched from the host, so the element can be used like a media element. */
const MEDIA_EVENTS = [
  'loadstart', 'loadedmetadata', 'loadeddata', 'canplay', 'canplaythrough', 'play', 'playing',
  'pause', 'waiting', 'seeking', 'seeked', 'timeupdate', 'durationchange', 'progress',
  'ratechange', 'volumechange', 'ended', 'emptied', 'stalled',
] as const;

/** How close to the viewport (CSS px) a player may start loading. */
const NEAR_PX = 300;

/** Controllers on the page, for "starting one pauses the others". */
const playing = new Set<PlaybackController>();

export class PlaybackController implements ReactiveController {
  // ---- state (read by the element's render) ----
  playing = false;
  loading = false;
  /** The last fatal error, or null. */
  error: ShoppableError | null = null;
  /** Playback has started once since the source was set (hides the big play button). */
  started = false;
  time = 0;
  duration = NaN;
  muted = false;
  private level = 1;
  /** videoWidth / videoHeight, 0 while unknown. */
  videoRatio = 0;
  /** Bumped when renditions or caption tracks change. */
  tracksVersion = 0;

  video: HTMLVideoElement | null = null;
  private pipeline: MediaPipeline | null = null;
  /** Identifies the current load; a stale async step compares and gives up. */
  private loadToken: object | null = null;
  private loadAbort: AbortController | null = null;
  private loadedSrc: string | null = null;
  /** Within 300 px of the viewport (or told to load): the player may use the network. */
  near = false;
  private playRequested = false;
  private resumeAt = 0;
  private pendingSeek: number | null = null;
  private observer: IntersectionObserver | null = null;
  /** Removes the `online` listener armed by a fatal network error. */
  private offOnline: (() => void) | null = null;
  private readonly early = new EarlyStart();

  constructor(private readonly host: PlaybackHost) {
    host.addController(this);
  }

  hostConnected(): void {
    playing.add(this);
    if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver(this.onIntersect, { rootMargin: `${NEAR_PX}px 0px` });
      this.observer.observe(this.host);
    } else {
      this.near = true;
    }
    this.near ||= inView(this.host, NEAR_PX); // in view: the start-up requests go before the first render
    this.load();
  }

  hostDisconnected(): void {
    playing.delete(this);
    this.observer?.disconnect();
    this.observer = null;
    this.offOnline?.();
    this.offOnline = null;
    this.near = false;
    this.resumeAt = this.video?.currentTime || this.resumeAt;
    this.reset();
    this.playing = false;
    this.loading = false;
  }

  /** Binds the rendered `<video>` (once, after the first render) and starts if wanted. */
  attach(video: HTMLVideoElement): void {
    this.video = video;
    for (const type of MEDIA_EVENTS) video.addEventListener(type, this.onMediaEvent);
    video.volume = this.level;
    video.muted = this.muted;
    // Already in view at start-up: begin now rather than a frame later, when the observer reports.
    this.near ||= inView(this.host, NEAR_PX);
    this.load();
  }

  // ---- media API ----

  get engine(): Engine | null {
    return this.pipeline?.engine ?? null;
  }

  get currentTime(): number {
    return this.pendingSeek ?? this.video?.currentTime ?? this.resumeAt;
  }

  /** Before the media has metadata, the time is kept and applied once it has. */
  set currentTime(t: number) {
    const video = this.video;
    if (!video || !this.loadedSrc) this.resumeAt = this.time = t;
    else if (video.readyState < HTMLMediaElement.HAVE_METADATA) this.pendingSeek = t;
    else video.currentTime = clampSeek(video, t, this.live?.start);
  }

  /** Seconds forward or back, within what can be seeked. */
  seekBy(delta: number): void {
    const video = this.video;
    if (!video || !this.loadedSrc) return;
    video.currentTime = clampSeek(video, video.currentTime + delta, this.live?.start);
  }

  /** Live state and the LIVE badge (from the pipeline chunk), while the stream is live. */
  get live() {
    return this.duration === Infinity ? this.pipeline?.live : undefined;
  }

  /** The live edge or the duration: the seek bar's end. */
  get seekEnd(): number {
    const video = this.video;
    const end = this.duration === Infinity && video?.seekable.length ? video.seekable.end(video.seekable.length - 1) : this.duration;
    return Number.isFinite(end) ? end : 0;
  }

  get volume(): number {
    return this.level;
  }

  set volume(v: number) {
    this.level = Math.min(1, Math.max(0, v));
    if (this.video) this.video.volume = this.level;
    this.host.requestUpdate();
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    if (this.video) this.video.muted = muted;
    this.host.requestUpdate();
  }

  toggleMute(): void {
    this.setMuted(!this.muted);
    if (!this.muted && this.level === 0) this.volume = 0.5;
  }

  get renditions(): Rendition[] {
    return this.pipeline?.renditions ?? [];
  }

  get rendition(): number {
    return this.pipeline?.rendition ?? -1;
  }

  set rendition(index: number) {
    if (this.pipeline) this.pipeline.rendition = index;
    this.tracksChanged();
  }

  get captionTracks(): CaptionOption[] {
    return this.pipeline?.captions ?? [];
  }

  get captionTrack(): number {
    return this.pipeline?.caption ?? -1;
  }

  set captionTrack(index: number) {
    if (this.pipeline) this.pipeline.caption = index;
  }

  /** Captions on/off: turns on the default language (or the first track), or off. */
  toggleCaptions(): void {
    const tracks = this.captionTracks;
    if (!tracks.length) return;
    if (this.captionTrack >= 0) {
      this.captionTrack = -1;
      return;
    }
    const lang = this.host.captionsLang.toLowerCase();
    this.captionTrack = (tracks.find((t) => lang && t.lang.toLowerCase().startsWith(lang)) ?? tracks[0]!).index;
  }

  /** Starts playback, loading first if needed. Never rejects: failures arrive as `sv-error`. */
  async play(): Promise<void> {
    this.playRequested = true;
    this.pauseOthers(); // exclusive playback at the request: the last play() wins whatever order the media events arrive in
    this.load();
    const video = this.video;
    if (!video || !this.loadedSrc) return;
    if (!this.playing && !this.error) this.setLoading(true);
    this.pipeline?.buffer();
    try {
      await video.play();
    } catch (err) {
      // Browsers refuse unmuted playback without a gesture: retry muted rather than fail.
      if (err instanceof DOMException && err.name === 'NotAllowedError' && !video.muted) {
        this.setMuted(true);
        await video.play().catch(() => (this.playRequested = false));
      }
      // Other rejections (source errors, a pause() meanwhile) surface through media events.
    }
  }

  pause(): void {
    this.playRequested = false;
    this.video?.pause();
  }

  togglePlay(): void {
    const video = this.video;
    if (!video || video.paused || video.ended) void this.play();
    else this.pause();
  }

  /** Reloads the source after a fatal error, resuming where it stopped. */
  retry(): void {
    const wasPlaying = this.playRequested;
    this.resumeAt = this.video?.currentTime || this.resumeAt;
    this.reset();
    this.error = null;
    this.host.requestUpdate();
    if (wasPlaying) void this.play();
    else this.load(true);
  }

  /** The source changed: the old pipeline goes (its late callbacks become no-ops). */
  sourceChanged(): void {
    this.resumeAt = 0;
    this.error = null;
    this.started = false;
    this.reset();
  }

  // ---- loading ----

  /** Pauses every other playing player, unless this one or that one plays `concurrent`. */
  private pauseOthers(): void {
    if (!this.host.concurrent) for (const p of playing) if (p !== this && !p.host.concurrent) p.pause();
  }

  /** Loads the source when it is wanted: requested, or near the viewport and preloading. */
  load(force = false): void {
    const { video, host } = this;
    if (!host.isConnected || this.loadedSrc !== null || this.error || !host.src) return;
    if (!(this.playRequested || force || (this.near && (host.preload !== 'none' || host.autoplay)))) return;

    const resolved = resolveSrc(host.src, document.baseURI);
    if (!video) return void ('url' in resolved && this.early.start(resolved.url)); // an invalid src is reported once rendered
    if ('error' in resolved) {
      this.fail({ source: 'media', code: 'MEDIA_SRC_INVALID', message: resolved.error, fatal: true, data: { src: host.src } });
      return;
    }
    const url = (this.loadedSrc = resolved.url);
    video.preload = host.preload === 'auto' || this.playRequested ? 'auto' : 'metadata';
    const token = (this.loadToken = {});
    const { engine, master, abort } = this.early.take(url) ?? startRequests(url);
    this.loadAbort = abort;
    import('./pipeline.js').then(
      ({ MediaPipeline }) => {
        if (this.loadToken !== token) return;
        const pipeline: MediaPipeline = new MediaPipeline(video, {
          onError: (e) => this.pipeline === pipeline && (e.fatal ? this.fail(e) : reportError(host, e)),
          onTracks: () => this.pipeline === pipeline && this.tracksChanged(),
        });
        this.pipeline = pipeline;
        const { crossOrigin, captionsLang, autoplay } = host;
        const preloadOnly = !this.playRequested && !autoplay && host.preload !== 'auto';
        return pipeline.load(url, { engine, preloadOnly, startTime: this.resumeAt, crossOrigin, captionsLang, master, abort }).then(() => {
          if (this.pipeline === pipeline && (this.playRequested || autoplay)) void this.play();
        });
      },
      (err: unknown) => {
        if (this.loadToken !== token) return;
        this.fail({
          source: 'media',
          code: 'MEDIA_HLS_LOAD_FAILED',
          message: 'The playback module could not be downloaded. Check the connection and retry.',
          fatal: true,
          data: { reason: String(err) },
        });
      },
    );
  }

  /** Stops loading and forgets the source; the time to resume from is kept. */
  private reset(): void {
    this.early.cancel();
    if (this.pendingSeek !== null) this.resumeAt = this.pendingSeek;
    this.pendingSeek = null;
    this.loadToken = null;
    this.loadAbort?.abort();
    this.loadAbort = null;
    this.pipeline?.destroy();
    this.pipeline = null;
    this.loadedSrc = null;
    this.duration = NaN;
    this.videoRatio = 0;
    this.time = this.resumeAt;
  }

  private fail(error: ShoppableError): void {
    this.offOnline?.();
    // A network failure resumes by itself when the connection comes back (if still failed).
    this.offOnline = /^MEDIA_(NETWORK|HLS_LOAD_FAILED)$/.test(error.code) ? onceOnline(() => this.error === error && this.retry()) : null;
    this.error = error;
    this.loading = this.playing = false;
    this.resumeAt = this.video?.currentTime || this.resumeAt;
    this.reset();
    this.host.requestUpdate();
    reportError(this.host, error);
  }

  private tracksChanged(): void {
    this.tracksVersion++;
    this.host.requestUpdate();
  }

  private setLoading(on: boolean): void {
    this.loading = on;
    this.host.requestUpdate();
  }

  private readonly onIntersect = (entries: IntersectionObserverEntry[]): void => {
    if (!entries[entries.length - 1]?.isIntersecting) return;
    this.near = true;
    this.host.requestUpdate();
    this.load();
  };

  private readonly onMediaEvent = (e: Event): void => {
    const video = this.video!;
    if (!this.loadedSrc && e.type !== 'emptied') return;
    switch (e.type) {
      case 'play':
        this.started = true;
        // A play not asked through play() (media keys) too, unless withdrawn (paused) before this event.
        if (!video.paused) this.pauseOthers();
        break;
      case 'playing':
        this.playing = true;
        this.loading = false;
        break;
      case 'pause':
      case 'ended':
        this.playing = false;
        break;
      case 'waiting':
        this.loading = true;
        break;
      case 'canplay':
      case 'seeked':
        this.loading = false;
        break;
      case 'timeupdate':
      case 'seeking':
        this.time = video.currentTime;
        break;
      case 'loadedmetadata':
        if (this.pendingSeek !== null) video.currentTime = this.pendingSeek;
        this.pendingSeek = null;
        this.duration = video.duration;
        this.videoRatio = video.videoHeight ? video.videoWidth / video.videoHeight : 0;
        break;
      case 'durationchange':
        this.duration = video.duration;
        break;
      case 'volumechange':
        this.level = video.volume;
        this.muted = video.muted;
        break;
    }
    this.host.requestUpdate();
    this.host.dispatchEvent(new Event(e.type));
  };
}
