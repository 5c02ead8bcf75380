import { CueIndex } from './cue-index.js';
import { positionAt, type Point } from './interpolate.js';
import type { Cue } from './types.js';

/** Listeners of a {@link CueEngine}, by event name. `time` is the media time of the frame. */
export interface CueEngineEvents {
  /** A cue became active: its product appears. */
  enter: (cue: Cue, time: number) => void;
  /** A cue stopped being active: its product disappears. */
  exit: (cue: Cue, time: number) => void;
  /**
   * After each update that moved time: the current position of every active keyframed cue.
   * The map is reused from frame to frame; read it during the call, do not keep it.
   */
  frame: (time: number, positions: ReadonlyMap<Cue, Point>) => void;
}

/** Time jumps up to this long (seconds) are diffed through boundaries; longer ones re-query. */
const INCREMENTAL_SPAN = 1;

type Listeners = { [K in keyof CueEngineEvents]: Set<CueEngineEvents[K]> };

/**
 * Drives a timeline from a video: on every rendered frame it works out which cues are active
 * and reports the difference as `exit` then `enter` events, then a `frame` event with the
 * positions of active keyframed cues.
 *
 * Semantics: a cue is active at media time t when start <= t < end, sampled at rendered frames.
 * A cue active at neither of two consecutive samples never fires: that is the case for cues a
 * seek jumps over and for cues shorter than a frame. Seeks, loops (time going back) and rate
 * changes need nothing special: each sample is compared with the previous one.
 *
 * Clock: `requestVideoFrameCallback` (the frame's `mediaTime`) where the video has it, which
 * also fires for the frame shown after a seek while paused; otherwise `requestAnimationFrame`
 * while playing plus `timeupdate` and `seeked`. {@link CueEngine.update} is DOM-free and can be
 * driven by hand (tests, benchmarks, server-side).
 */
export class CueEngine {
  private index = new CueIndex([]);
  private readonly active = new Set<Cue>();
  private readonly positions = new Map<Cue, Point>();
  private readonly listeners: Listeners = { enter: new Set(), exit: new Set(), frame: new Set() };
  private time = NaN;
  private stop?: () => void;

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof CueEngineEvents>(type: K, listener: CueEngineEvents[K]): () => void {
    const set = this.listeners[type] as Set<CueEngineEvents[K]>;
    set.add(listener);
    return () => set.delete(listener);
  }

  /** The active cues, in the order they entered. */
  get activeCues(): Cue[] {
    return [...this.active];
  }

  /** The media time of the last update (NaN before the first). */
  get currentTime(): number {
    return this.time;
  }

  /** Replaces the cues. Cues that stop (or start) being active at the current time exit (or enter) now. */
  setCues(cues: readonly Cue[]): void {
    this.index = new CueIndex(cues);
    if (this.time >= 0) this.apply(this.time, true);
  }

  /** Moves to media time `t` (seconds) and fires what changed. Ignores NaN and negative times. */
  update(t: number): void {
    if (!(t >= 0) || t === this.time) return;
    this.apply(t, !(Math.abs(t - this.time) <= INCREMENTAL_SPAN));
  }

  /** Follows `video` from now on (detaching from any previous one). */
  attach(video: HTMLVideoElement): void {
    this.detach();
    let live = true;
    const read = () => live && this.update(video.currentTime);
    const rvfc = typeof video.requestVideoFrameCallback === 'function';
    if (rvfc) {
      const onFrame: VideoFrameRequestCallback = (_now, frame) => {
        if (!live) return;
        this.update(frame.mediaTime);
        handle = video.requestVideoFrameCallback(onFrame);
      };
      let handle = video.requestVideoFrameCallback(onFrame);
      this.stop = () => {
        live = false;
        video.cancelVideoFrameCallback(handle);
      };
    } else {
      let raf = 0;
      const tick = () => {
        read();
        raf = video.paused || video.ended ? 0 : requestAnimationFrame(tick);
      };
      const start = () => (raf ||= requestAnimationFrame(tick));
      const events: [string, () => void][] = [
        ['timeupdate', read],
        ['seeked', read],
        ['playing', start],
      ];
      for (const [type, fn] of events) video.addEventListener(type, fn);
      if (!video.paused) start();
      this.stop = () => {
        live = false;
        cancelAnimationFrame(raf);
        for (const [type, fn] of events) video.removeEventListener(type, fn);
      };
    }
    // While playing with frame callbacks, the next frame's mediaTime comes within a frame;
    // currentTime may already be ahead of it and would make time step back.
    if (video.readyState >= 2 && (video.paused || !rvfc)) read();
  }

  /** Stops following the video: no callback runs after this. Every active cue exits. */
  detach(): void {
    this.stop?.();
    this.stop = undefined;
    const time = this.time;
    this.time = NaN;
    this.fire([...this.active], [], time);
  }

  private apply(t: number, full: boolean): void {
    let entered: Cue[];
    let exited: Cue[];
    if (full) {
      entered = this.index.activeAt(t);
      const now = new Set(entered);
      exited = [...this.active].filter((c) => !now.has(c));
      entered = entered.filter((c) => !this.active.has(c));
    } else {
      ({ entered, exited } = this.index.changes(this.time, t));
    }
    this.time = t;
    for (const cue of this.positions.keys()) this.positions.set(cue, positionAt(cue, t)!);
    this.fire(exited, entered, t);
    for (const fn of this.listeners.frame) guard(() => fn(t, this.positions));
  }

  private fire(exited: Cue[], entered: Cue[], t: number): void {
    for (const cue of exited) {
      this.active.delete(cue);
      this.positions.delete(cue);
    }
    for (const cue of entered) {
      this.active.add(cue);
      if (cue.keyframes?.length) this.positions.set(cue, positionAt(cue, t)!);
    }
    for (const cue of exited) for (const fn of this.listeners.exit) guard(() => fn(cue, t));
    for (const cue of entered) for (const fn of this.listeners.enter) guard(() => fn(cue, t));
  }
}

/** A throwing listener must not stop the others or the clock. */
function guard(call: () => void): void {
  try {
    call();
  } catch (e) {
    console.error('[shoppable-video] cue listener failed:', e);
  }
}
