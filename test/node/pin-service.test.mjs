// The pin service's fetch handler on node:http (the CLI's path). Runs against the build.
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createPinService } from '../../dist/live/service/index.js';
import { toNodeListener, FilePinStore } from '../../dist/live/service/node.js';
import { pinServiceSuite, startUpstream, TOKEN } from './_pin-service-suite.mjs';

async function serve(handler) {
  const listener = toNodeListener(handler);
  const server = createServer((req, res) => void listener(req, res));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))) };
}

pinServiceSuite('Node', ({ upstream, rateLimit }) =>
  serve(createPinService({ upstream, token: TOKEN, rateLimit: { max: rateLimit.max, windowMs: rateLimit.seconds * 1000 } })),
);

test('the JSON-file store keeps 50 concurrent pins across a restart, in one valid file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pins-'));
  const upstream = await startUpstream();
  try {
    const file = join(dir, 'pins.json');
    const svc = await serve(createPinService({ upstream: upstream.url, token: TOKEN, store: new FilePinStore(file) }));
    const made = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(new URL('pins', svc.url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ productId: `p-${i}` }) }).then((r) => r.json()),
      ),
    );
    await svc.close();
    const saved = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(saved.pins.length, 50);
    // A new process (a new store on the same file) serves them.
    const again = await serve(createPinService({ upstream: upstream.url, token: TOKEN, store: new FilePinStore(file) }));
    const playlist = await (await fetch(new URL('live-window/live.m3u8', again.url))).text();
    for (const { pin } of made) assert.ok(playlist.includes(`ID="${pin.id}"`));
    await again.close();
  } finally {
    await upstream.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('ended pins older than the playlist window plus the margin are dropped', async () => {
  const upstream = await startUpstream();
  let t = Date.parse('2026-03-14T19:40:00.000Z');
  const svc = await serve(createPinService({ upstream: upstream.url, token: TOKEN, now: () => t, retainMarginSeconds: 10 }));
  try {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
    await (await fetch(new URL('live-window/live.m3u8', svc.url))).text(); // learns the 12 s window
    const { pin } = await (await fetch(new URL('pins', svc.url), { method: 'POST', headers, body: '{"productId":"tee","duration":5}' })).json();
    t += 5_000 + 12_000 + 10_000 - 1;
    let list = (await (await fetch(new URL('pins', svc.url), { headers })).json()).pins;
    assert.deepEqual(list.map((p) => p.id), [pin.id], 'kept until window + margin after its end');
    t += 2;
    list = (await (await fetch(new URL('pins', svc.url), { headers })).json()).pins;
    assert.deepEqual(list, []);
    assert.ok(!(await (await fetch(new URL('live-window/live.m3u8', svc.url))).text()).includes('DATERANGE'));
  } finally {
    await svc.close();
    await upstream.close();
  }
});

test('the CLI serves the handler: pins --upstream --token --port 0', async () => {
  const upstream = await startUpstream();
  const cli = spawn(process.execPath, ['bin/shoppable-video.mjs', 'pins', '--upstream', upstream.url, '--token', TOKEN, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    const base = await new Promise((resolve, reject) => {
      cli.stdout.on('data', (d) => {
        out += d;
        const m = /pin service on (http:\/\/[^ ]+\/)/.exec(out);
        if (m) resolve(m[1]);
      });
      cli.on('exit', (code) => reject(new Error(`CLI exited ${code}`)));
    });
    assert.equal((await fetch(new URL('pins', base))).status, 401);
    const res = await fetch(new URL('pins', base), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: '{"productId":"tee"}' });
    assert.equal(res.status, 201);
    assert.match(await (await fetch(new URL('live-window/live.m3u8', base))).text(), /X-PRODUCT-ID="tee"/);
    const page = await fetch(new URL('console', base));
    assert.match(await page.text(), /<shoppable-pin-console service="\.\/"/);
  } finally {
    cli.kill();
    await upstream.close();
  }
});

test('the CLI refuses a short token and says why', async () => {
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(process.execPath, ['bin/shoppable-video.mjs', 'pins', '--upstream', 'http://127.0.0.1:1/', '--token', 'short'], { encoding: 'utf8', env: { ...process.env, PIN_TOKEN: '' } });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /at least 16 characters/);
});
