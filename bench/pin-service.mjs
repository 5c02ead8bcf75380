// Pin service throughput and added latency (a script that prints figures, not a test).
// Playlist requests per second against: the upstream alone, the service on Node (the CLI, its
// own process: one core), and the same handler in workerd (miniflare, pins in a Durable Object).
// The load generator runs in this process with keep-alive fetch; on a shared machine the
// figures are noisy, compare them within one run. Needs the build (npm run bench builds).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TOKEN = 'bench-token-0123456789abcdef';
const PATH = 'live-window/live.m3u8';
const PINS = 20;

const playlist = await readFile(new URL('../test/fixtures/streams/live-window/live.m3u8', import.meta.url));
const upstream = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl', 'content-length': playlist.length });
  res.end(playlist);
});
await new Promise((r) => upstream.listen(0, '127.0.0.1', r));
const upstreamUrl = `http://127.0.0.1:${upstream.address().port}/`;

async function load(url, concurrency = CONCURRENCY) {
  const latencies = [];
  const until = performance.now() + SECONDS * 1000;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        if (res.status !== 200) failed++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { rps: latencies.length / SECONDS, p50: q(0.5), p99: q(0.99), failed };
}

async function addPins(base) {
  for (let i = 0; i < PINS; i++) {
    const res = await fetch(new URL('pins', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ productId: `product-${i}`, x: 0.5, y: 0.5, label: 'Bench pin', duration: 600 }),
    });
    if (res.status !== 201) throw new Error(`pin ${i}: HTTP ${res.status} ${await res.text()}`);
  }
}

const rows = [];
const latency = [];
/** One request at a time: the latency a request sees without queueing. */
const single = async (name, url, base) => {
  const r = await load(url, 1);
  latency.push(`${name.padEnd(34)} p50 ${r.p50.toFixed(2).padStart(6)} ms` + (base ? `   added ${(r.p50 - base.p50).toFixed(2)} ms` : ''));
  return r;
};
const row = (name, r, base) =>
  rows.push(`${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms` +
    (base ? `   added p50 ${(r.p50 - base.p50).toFixed(2)} ms` : '') + (r.failed ? `   ${r.failed} failed` : ''));

// Warm-up, then the upstream alone.
await load(upstreamUrl + PATH);
const direct = await load(upstreamUrl + PATH);
row('upstream alone', direct);
const directOne = await single('upstream alone', upstreamUrl + PATH);

// Node: the CLI in its own process.
const cli = spawn(process.execPath, ['bin/shoppable-video.mjs', 'pins', '--upstream', upstreamUrl, '--token', TOKEN, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const nodeBase = await new Promise((resolve, reject) => {
  let out = '';
  cli.stdout.on('data', (d) => {
    out += d;
    const m = /pin service on (http:\/\/[^ ]+\/)/.exec(out);
    if (m) resolve(m[1]);
  });
  cli.on('exit', (c) => reject(new Error(`CLI exited ${c}`)));
});
await addPins(nodeBase);
await load(nodeBase + PATH);
row(`Node service (${PINS} pins)`, await load(nodeBase + PATH), direct);
await single(`Node service (${PINS} pins)`, nodeBase + PATH, directOne);
cli.kill();

// workerd: the Worker module with its Durable Object.
const script = (await build({ entryPoints: ['dist/live/service/cloudflare.js'], bundle: true, format: 'esm', write: false, platform: 'neutral', logLevel: 'silent' })).outputFiles[0].text;
const mf = new Miniflare({
  modules: true,
  script,
  compatibilityDate: '2025-07-01',
  bindings: { UPSTREAM: upstreamUrl, PIN_TOKEN: TOKEN },
  durableObjects: { PINS: 'PinStoreObject' },
  host: '127.0.0.1',
  port: 0,
});
const workerdBase = (await mf.ready).href;
await addPins(workerdBase);
await load(workerdBase + PATH);
row(`workerd service (${PINS} pins, DO)`, await load(workerdBase + PATH), direct);
await single(`workerd service (${PINS} pins, DO)`, workerdBase + PATH, directOne);
await mf.dispose();
upstream.close();

console.log(`Pin service: playlist requests, ${CONCURRENCY} concurrent, ${SECONDS} s each, one process per service`);
for (const r of rows) console.log('  ' + r);
console.log('One request at a time (latency added per request):');
for (const r of latency) console.log('  ' + r);
console.log('  (the load generator shares the machine; "added" = service p50 minus upstream-alone p50)');
