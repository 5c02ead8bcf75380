// Benchmark: cost of CueEngine.update(t) per rendered frame with 10,000 cues.
// Bundles src/timeline/cue-engine.ts in memory with esbuild and runs in Node (no DOM).
// Usage: node bench/cue-engine.mjs   Prints figures; it is not a test and has no pass/fail.
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';

const CUES = 10_000;
const SHOW = 600; // seconds of media
const FPS = 60;

const { outputFiles } = await build({
  entryPoints: [new URL('../src/timeline/cue-engine.ts', import.meta.url).pathname],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
});
const { CueEngine } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

let seed = 42; // deterministic
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const cues = Array.from({ length: CUES }, (_, i) => {
  const start = random() * SHOW;
  const end = random() < 0.01 ? Infinity : start + 2 + random() * 18;
  const cue = { id: `c${i}`, productId: `p${i % 500}`, start, end };
  if (random() < 0.2) {
    const n = 2 + Math.floor(random() * 6);
    cue.keyframes = Array.from({ length: n }, (_, k) => ({ t: start + ((end === Infinity ? 20 : end - start) * k) / (n - 1), x: random(), y: random() }));
  } else {
    cue.x = random();
    cue.y = random();
  }
  return cue;
});

const engine = new CueEngine();
let events = 0;
let moved = 0;
engine.on('enter', () => events++);
engine.on('exit', () => events++);
engine.on('frame', (_t, positions) => {
  for (const p of positions.values()) moved += p.x; // an overlay would move hotspots here
});

let built = performance.now();
engine.setCues(cues);
built = performance.now() - built;

const summary = (name, samples) => {
  const s = Float64Array.from(samples).sort();
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(4);
  console.log(`${name.padEnd(26)} n=${String(s.length).padStart(6)}  median ${at(0.5)}  p95 ${at(0.95)}  p99 ${at(0.99)}  max ${s[s.length - 1].toFixed(4)}  (ms)`);
};

// Warm up the JIT on a different stretch of the show.
for (let t = 0; t < 60; t += 1 / FPS) engine.update(t);

const frames = [];
const seeks = [];
let active = 0;
let t = 0;
for (let frame = 0; frame < SHOW * FPS; frame++) {
  const jump = frame > 0 && frame % (30 * FPS) === 0; // a seek every 30 s of playback
  const rate = frame % (90 * FPS) < 10 * FPS ? 2 : 1; // stretches at 2x
  t = jump ? random() * SHOW : (t + rate / FPS) % SHOW; // % SHOW: the show loops
  const started = performance.now();
  engine.update(t);
  (jump ? seeks : frames).push(performance.now() - started);
  active += engine.activeCues.length;
}

console.log(`CueEngine.update with ${CUES} cues (${cues.filter((c) => c.keyframes).length} keyframed) over ${SHOW} s of media at ${FPS} fps, Node ${process.version}`);
console.log(`index build (setCues)      ${built.toFixed(2)} ms; on average ${(active / (frames.length + seeks.length)).toFixed(0)} cues active per frame, ${events} enter/exit events`);
summary('per frame (playback)', frames);
summary('per seek (full query)', seeks);
if (moved < 0) console.log(moved); // keep the listener's work observable
