import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CueEngine } from '../../src/timeline/cue-engine.js';
import type { Cue } from '../../src/timeline/types.js';

const CLIP = '/test/fixtures/streams/mp4/clip.mp4';
/** The test server answers without byte ranges, so a URL source cannot seek: play the clip from a blob. */
let clip: Promise<string> | undefined;
const clipUrl = () => (clip ??= fetch(CLIP).then(async (r) => URL.createObjectURL(await r.blob())));
/** The clip is 24 fps. */
const FRAME = 1 / 24;
const EPSILON = 0.002;

const cue = (id: string, start: number, end: number, extra: Partial<Cue> = {}): Cue => ({ id, productId: id, start, end, ...extra });

interface Fired {
  type: 'enter' | 'exit';
  id: string;
  time: number;
}

/** Polls until `check` is truthy. */
async function until(check: () => unknown, what: string, timeout = 15_000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A muted, loaded clip in the document, an engine on it, and a log of what fired. */
async function setup(cues: Cue[], { rvfc = true } = {}) {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.preload = 'auto';
  if (!rvfc) Object.defineProperty(video, 'requestVideoFrameCallback', { value: undefined });
  document.body.append(video);
  video.src = await clipUrl();
  await until(() => video.readyState >= 2, 'the clip to load');
  const engine = new CueEngine();
  const fired: Fired[] = [];
  engine.on('enter', (c, time) => fired.push({ type: 'enter', id: c.id, time }));
  engine.on('exit', (c, time) => fired.push({ type: 'exit', id: c.id, time }));
  engine.setCues(cues);
  engine.attach(video);
  /** Every frame the video presented, by media time (its own rVFC loop, independent of the engine). */
  const frames: number[] = [];
  if (rvfc) {
    const onFrame: VideoFrameRequestCallback = (_now, meta) => {
      frames.push(meta.mediaTime);
      if (video.isConnected) video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  }
  const seek = async (t: number) => {
    video.currentTime = t;
    await until(() => !video.seeking && Math.abs(engine.currentTime - t) < FRAME, `the engine to see the seek to ${t}`);
  };
  const done = () => {
    engine.detach();
    video.pause();
    video.remove();
  };
  return { video, engine, fired, frames, seek, done };
}

/**
 * Checks that `event` fired on the first presented frame at or after `due`, so within one frame
 * of it. When the browser dropped frames there (a loaded machine), "one frame" is the gap
 * between the presented frames around the cue time.
 */
function onTime(event: Fired | undefined, due: number, frames: number[], what: string, tolerance = FRAME + EPSILON) {
  expect(event, what).to.exist;
  const { time } = event!;
  const previous = Math.max(-Infinity, ...frames.filter((f) => f < time));
  const gap = time - previous > FRAME + EPSILON ? time - previous + EPSILON : 0;
  expect(time - due, `${what}: ${time} for a cue time of ${due}`).to.be.within(0, Math.max(tolerance, gap));
  expect(time - due, `${what}: never more than a quarter second late`).to.be.below(0.25);
  if (frames.length) expect(previous, `${what}: a frame was presented at ${previous}, after the cue time`).to.be.below(due);
}

const find = (fired: Fired[], type: Fired['type'], id: string) => fired.find((f) => f.type === type && f.id === id);

describe('CueEngine with a playing video', function () {
  this.timeout(30_000);

  it('fires enter and exit within one frame of the cue times during playback', async () => {
    const t = await setup([cue('a', 0.3, 0.9), cue('b', 0.6, 1.4), cue('c', 1.1, 1.6)]);
    try {
      await t.video.play();
      await until(() => find(t.fired, 'exit', 'c'), 'cue c to exit');
      for (const [id, start, end] of [['a', 0.3, 0.9], ['b', 0.6, 1.4], ['c', 1.1, 1.6]] as const) {
        onTime(find(t.fired, 'enter', id), start, t.frames, `enter ${id}`);
        onTime(find(t.fired, 'exit', id), end, t.frames, `exit ${id}`);
      }
      expect(t.fired.map((f) => `${f.type} ${f.id}`)).to.deep.equal(['enter a', 'enter b', 'exit a', 'enter c', 'exit b', 'exit c']);
    } finally {
      t.done();
    }
  });

  it('on seeks (also while paused) enters and exits what changed, and never fires cues jumped over', async () => {
    const t = await setup([cue('early', 1, 1.5), cue('skipped', 3, 4), cue('late', 6, 8)]);
    try {
      await t.seek(1.2);
      expect(t.fired.map((f) => `${f.type} ${f.id}`)).to.deep.equal(['enter early']);
      await t.seek(6.5);
      expect(t.fired.map((f) => `${f.type} ${f.id}`)).to.deep.equal(['enter early', 'exit early', 'enter late']);
      await t.seek(1.25);
      expect(t.fired.slice(3).map((f) => `${f.type} ${f.id}`)).to.deep.equal(['exit late', 'enter early']);
      expect(t.fired.some((f) => f.id === 'skipped')).to.equal(false);
      await t.video.play();
      await until(() => find(t.fired.slice(3), 'exit', 'early'), 'early to exit');
      onTime(t.fired.at(-1), 1.5, t.frames, 'exit early after the seek');
      expect(t.engine.activeCues).to.deep.equal([]);
    } finally {
      t.done();
    }
  });

  it('stays within one frame at playbackRate 2', async () => {
    const t = await setup([cue('a', 0.5, 1.5), cue('b', 2, 2.75)]);
    try {
      t.video.playbackRate = 2;
      await t.video.play();
      await until(() => find(t.fired, 'exit', 'b'), 'b to exit');
      // At 2x a presented frame may be any decoded frame: the bound is one frame of the stream.
      onTime(find(t.fired, 'enter', 'a'), 0.5, t.frames, 'enter a');
      onTime(find(t.fired, 'exit', 'a'), 1.5, t.frames, 'exit a');
      onTime(find(t.fired, 'enter', 'b'), 2, t.frames, 'enter b');
      onTime(find(t.fired, 'exit', 'b'), 2.75, t.frames, 'exit b');
    } finally {
      t.done();
    }
  });

  it('exits at the end of the video and enters again across a loop', async () => {
    const t = await setup([cue('tail', 19, 20), cue('head', 0.2, 0.6)]);
    try {
      t.video.loop = true;
      await t.seek(19.4);
      expect(t.engine.activeCues.map((c) => c.id)).to.deep.equal(['tail']);
      const before = t.fired.length;
      await t.video.play();
      await until(() => find(t.fired.slice(before), 'exit', 'head'), 'head to exit after the loop');
      const after = t.fired.slice(before);
      expect(after.map((f) => `${f.type} ${f.id}`)).to.deep.equal(['exit tail', 'enter head', 'exit head']);
      expect(after[0].time, 'tail exits on the first frame after wrapping').to.be.below(FRAME + EPSILON);
      onTime(after[1], 0.2, t.frames, 'enter head after the loop');
      onTime(after[2], 0.6, t.frames, 'exit head after the loop');
    } finally {
      t.done();
    }
  });

  it('without requestVideoFrameCallback, follows playback with animation frames and timeupdate', async () => {
    const t = await setup([cue('a', 0.4, 0.8)], { rvfc: false });
    try {
      await t.video.play();
      await until(() => find(t.fired, 'exit', 'a'), 'a to exit');
      // Sampled at animation frames: one display frame, or a few when the test machine is loaded.
      onTime(find(t.fired, 'enter', 'a'), 0.4, [], 'enter a', 0.1);
      onTime(find(t.fired, 'exit', 'a'), 0.8, [], 'exit a', 0.1);
      t.video.pause();
      await t.seek(0.5);
      expect(t.engine.activeCues.map((c) => c.id), 'a paused seek still updates').to.deep.equal(['a']);
    } finally {
      t.done();
    }
  });

  it('reports positions of keyframed cues every frame', async () => {
    const moving = cue('moving', 0, 5, { keyframes: [{ t: 0, x: 0, y: 1 }, { t: 2, x: 1, y: 0 }] });
    const t = await setup([moving, cue('still', 0, 5, { x: 0.5, y: 0.5 })]);
    const seen: { time: number; x: number; y: number; size: number }[] = [];
    t.engine.on('frame', (time, positions) => seen.push({ time, ...positions.get(moving)!, size: positions.size }));
    try {
      await t.video.play();
      await until(() => seen.length >= 10, 'ten frames');
      for (const s of seen) {
        expect(s.size, 'only keyframed cues have moving positions').to.equal(1);
        expect(s.x).to.be.closeTo(Math.min(s.time / 2, 1), 1e-9);
        expect(s.y).to.be.closeTo(1 - Math.min(s.time / 2, 1), 1e-9);
      }
    } finally {
      t.done();
    }
  });

  it('detach exits active cues and stops every callback; attach again resumes', async () => {
    const t = await setup([cue('a', 0, 20)]);
    let frames = 0;
    t.engine.on('frame', () => frames++);
    try {
      await t.video.play();
      await until(() => frames > 3, 'frames');
      t.engine.detach();
      expect(t.fired.map((f) => `${f.type} ${f.id}`)).to.deep.equal(['enter a', 'exit a']);
      const count = frames;
      await new Promise((r) => setTimeout(r, 300));
      expect(frames, 'no frame after detach').to.equal(count);
      expect(t.fired).to.have.length(2);
      t.engine.attach(t.video);
      await until(() => frames > count, 'frames after re-attach');
      expect(t.fired.map((f) => f.type)).to.deep.equal(['enter', 'exit', 'enter']);
    } finally {
      t.done();
    }
  });
});

describe('CueEngine.update (no video)', () => {
  it('keeps exactly the brute-force active set and fires only differences, for any sequence of times (property)', () => {
    const time = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.double({ min: 0, max: 12, noNaN: true }));
    const cues = fc
      .array(fc.tuple(time, fc.oneof(fc.constant(0), fc.double({ min: 0, max: 4, noNaN: true }), fc.constant(Infinity))), { maxLength: 40 })
      .map((l) => l.map(([start, length], i) => cue(`c${i}`, start, start + length)));
    // Small steps (the incremental path), jumps (the full query), and back.
    const steps = fc.array(fc.oneof(fc.double({ min: -0.2, max: 0.3, noNaN: true }), time.map((t) => t - 6)), { maxLength: 40 });
    fc.assert(
      fc.property(cues, time, steps, (list, start, deltas) => {
        const engine = new CueEngine();
        const active = new Set<string>();
        engine.on('enter', (c) => {
          expect(active.has(c.id), `enter ${c.id} twice`).to.equal(false);
          active.add(c.id);
        });
        engine.on('exit', (c) => expect(active.delete(c.id), `exit ${c.id} while inactive`).to.equal(true));
        engine.setCues(list);
        let t = start;
        for (const d of [0, ...deltas]) {
          t = Math.max(0, t + d);
          engine.update(t);
          const expected = list.filter((c) => c.start <= t && t < c.end).map((c) => c.id).sort();
          expect([...active].sort()).to.deep.equal(expected);
          expect(engine.activeCues.map((c) => c.id).sort()).to.deep.equal(expected);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('setCues enters and exits at the current time; a throwing listener does not stop the others', () => {
    const engine = new CueEngine();
    const log: string[] = [];
    engine.on('enter', () => {
      throw new Error('listener bug');
    });
    engine.on('enter', (c) => log.push(`enter ${c.id}`));
    engine.on('exit', (c) => log.push(`exit ${c.id}`));
    const a = cue('a', 0, 10);
    const b = cue('b', 4, 6);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      engine.setCues([a]);
      engine.update(5);
      engine.setCues([a, b]);
      engine.setCues([b]);
      engine.update(Number.NaN);
      engine.update(-1);
    } finally {
      console.error = original;
    }
    expect(log).to.deep.equal(['enter a', 'enter b', 'exit a']);
    expect(errors).to.have.length(2);
    expect(engine.currentTime).to.equal(5);
  });
});
