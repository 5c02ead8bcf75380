/**
 * Live playback state of one pipeline (part of the lazy pipeline chunk, so the initial script
 * pays nothing for it): whether the stream is live, its DVR window, how far behind the live
 * edge the viewer is, a stalled live edge (the encoder stopped), and the LIVE badge with its
 * go-to-live button, which the control bar renders through `PlaybackController.live`.
 */
import { css, html, type TemplateResult } from 'lit';
import type { ShoppableError } from '../internal/errors.js';
import { requestMedia } from '../player/requests.js';

/** Behind the live edge by more than this many target durations: offer "go to live". */
const BEHIND_TARGETS = 1.5;
/** No new segment for this many target durations (and at least 6 s): the live edge stalled. */
const STALL_TARGETS = 3;

const styles = css`
  .live { display: inline-flex; align-items: center; gap: 6px; padding: 0 6px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; }
  .live::before { content: ''; width: 8px; height: 8px; border-radius: 50%; background: #e5322d; }
  .live[data-behind]::before { background: #9a9a9a; }
  button.go-live { width: auto; padding: 0 10px; border-radius: 14px; font: inherit; font-size: 12px; font-weight: 700; }
`;

export class LiveEdge {
  /** The playlist is live (no EXT-X-ENDLIST yet). */
  live = false;
  /** The DVR window's start (media time), the edge, and where hls.js would play live. */
  start = 0;
  edge = 0;
  syncPosition = NaN;
  targetDuration = 2;
  stalled = false;
  private lastSn = -1;
  private lastAdvance = 0;
  private timer = 0;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly report: (e: ShoppableError) => void,
  ) {
    // The badge's styles join the player's own (constructable sheets: CSP-safe).
    const root = video.getRootNode() as ShadowRoot;
    const sheet = styles.styleSheet;
    if (sheet && root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** A media playlist arrived: its live flag, window, newest segment and target duration. */
  update(live: boolean, start: number, edge: number, lastSn: number, targetDuration: number, syncPosition?: number | null): void {
    this.live = live;
    this.start = start;
    this.edge = edge;
    this.targetDuration = targetDuration || 2;
    this.syncPosition = syncPosition ?? NaN;
    if (lastSn !== this.lastSn) {
      this.lastSn = lastSn;
      this.lastAdvance = performance.now();
      if (this.stalled) this.stalled = false; // segments are back: hls.js carries on by itself
    }
    if (live && !this.timer) this.timer = window.setInterval(() => this.check(), 1000);
    if (!live) this.dispose();
  }

  /** How far behind the live edge the viewer plays, seconds (0 when not live). */
  get behind(): number {
    return this.live ? Math.max(0, this.edge - this.video.currentTime) : 0;
  }

  /** Where "go to live" seeks: hls.js's live sync position, else a little before the edge. */
  get livePosition(): number {
    return Number.isFinite(this.syncPosition) ? this.syncPosition : Math.max(this.start, this.edge - 3 * this.targetDuration);
  }

  /** Behind the edge by more than the usual live latency. */
  get isBehind(): boolean {
    return this.live && this.video.currentTime < this.livePosition - BEHIND_TARGETS * this.targetDuration;
  }

  render(t: { live: string; goLive: string }): TemplateResult {
    const behind = this.isBehind;
    return html`<span class="live" part="live-badge" ?data-behind=${behind}>${t.live}</span>${behind
        ? html`<button class="go-live" part="go-live-button" @click=${(e: Event) => requestMedia(e.currentTarget!, { type: 'seek', time: this.livePosition })}>${t.goLive}</button>`
        : ''}`;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = 0;
  }

  private check(): void {
    // A paused viewer may let hls.js stop refreshing: only a player that wants to play reports.
    if (!this.live || this.stalled || this.video.paused) return;
    const quiet = performance.now() - this.lastAdvance;
    if (quiet < Math.max(6000, STALL_TARGETS * this.targetDuration * 1000)) return;
    this.stalled = true;
    this.report({
      source: 'media',
      code: 'MEDIA_LIVE_STALLED',
      message: `The live stream has had no new video for ${Math.round(quiet / 1000)} s (the encoder may have stopped). Playback resumes when it comes back.`,
      fatal: false,
      data: { lastSegment: this.lastSn },
    });
  }
}
