// Distance to the live edge, low-latency HLS against plain HLS: the same simulated stream (2 s
// segments; LL: 0.5 s parts, PART-HOLD-BACK 1.5 s, blocking reloads) played by the built player.
// Latency = the stream time being produced now − the stream time on screen. Media time maps to
// stream time by a constant offset, taken when a fresh playlist has just arrived (the smallest
// gap between the simulator's edge and the video's seekable end). Needs `npm run build`.
import { openLiveBench } from './live-harness.mjs';

const SECONDS = Number(process.env.SECONDS) || 20;
const { server, origin, browser } = await openLiveBench(8420);
const api = (id, body) => fetch(`${origin}/__live/${id}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json());
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];

async function session(id, ll) {
  await api(id, { window: 10, startAt: 40, ll });
  const tab = await (await browser.newContext({ viewport: { width: 800, height: 600 } })).newPage();
  await tab.goto(`${origin}/bench/pages/live.html?src=/live/${id}/index.m3u8`);
  const t0 = Date.now();
  await tab.waitForFunction(() => document.getElementById('p').playing, null, { timeout: 60_000 });
  const startup = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 5000)); // settle at the live sync position
  const samples = [];
  for (let i = 0; i < SECONDS * 4; i++) {
    const [sim, page] = await Promise.all([
      api(id),
      tab.evaluate(() => {
        const p = document.getElementById('p');
        const v = p.media;
        return { time: v.currentTime, end: v.seekable.length ? v.seekable.end(v.seekable.length - 1) : NaN, stalls: v.readyState < 3, goLive: !!p.shadowRoot.querySelector('[part="go-live-button"]') };
      }),
    ]);
    samples.push({ now: sim.now, edge: ll ? sim.partEdge : sim.edge, ...page });
    await new Promise((r) => setTimeout(r, 250));
  }
  await tab.context().close();
  const offset = Math.min(...samples.map((s) => s.edge - s.end));
  const latency = samples.map((s) => s.now - (s.time + offset));
  const behind = samples.map((s) => s.end - s.time);
  return { startup, latency: median(latency), max: Math.max(...latency), behind: median(behind), waiting: samples.filter((s) => s.stalls).length, goLive: samples.filter((s) => s.goLive).length, n: samples.length };
}

const plain = await session('latency-plain', false);
const low = await session('latency-ll', true);
const line = (name, r) => `${name}: playing ${r.startup} ms after load; ${r.latency.toFixed(2)} s behind the encoder (median of ${r.n} samples over ${SECONDS} s, max ${r.max.toFixed(2)} s); ${r.behind.toFixed(2)} s behind the last playlist's edge; ${r.waiting} samples waiting for data, ${r.goLive} with the go-to-live button showing`;
console.log(line('HLS, 2 s segments', plain));
console.log(line('LL-HLS, 0.5 s parts', low));
await browser.close();
server.close();
