/**
 * Low-latency HLS on the local simulator (test/server/live-sim.mjs with `ll: true`): parts,
 * blocking playlist reloads held like a real origin, preload hints. What the server received
 * proves what hls.js did; pins still land on time.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { Cue, Show } from '../../src/timeline/types.js';
import { failOnUncaught, until } from '../helpers.js';

const SHOW: Show = { version: '1.0', id: 'll-show', currency: 'USD', products: [{ id: 'tee', title: 'Live Tee', price: 2500 }], cues: [] };

let n = 0;
async function stream(options: { ll?: boolean; window?: number; startAt?: number }) {
  const id = `ll${Date.now().toString(36)}${n++}`;
  const call = async (path: string, body?: unknown) =>
    (await fetch(`/__live/${id}${path}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) })).json();
  await call('', options);
  return {
    src: `/live/${id}/index.m3u8`,
    pin: (pin: Record<string, unknown>) => call('/pins', pin) as Promise<{ id: string; at: number }>,
    log: async () => ((await call('/log')) as { log: Array<{ path: string; status: number }> }).log,
  };
}

async function player(src: string): Promise<ShoppableVideoElement> {
  const el = await fixture<ShoppableVideoElement>(html`<shoppable-video muted autoplay locale="en-US" src=${src} .show=${SHOW}></shoppable-video>`);
  await until(() => el.playing && el.products.has('tee'), 'live playback with the show', 15_000);
  return el;
}

const PART = /^\d+\.\d+\.ts$/;
const BLOCKING = /^index\.m3u8\?_HLS_msn=\d+&_HLS_part=\d+$/;

describe('low-latency HLS', function () {
  this.timeout(40_000);
  failOnUncaught();

  it('plays an LL-HLS stream with parts and blocking reloads, and a pin’s card appears on time', async () => {
    const s = await stream({ ll: true, window: 6, startAt: 30 });
    const el = await player(s.src);
    const shown: Array<{ time: number; cue: Cue }> = [];
    el.addEventListener('sv-product-appear', (e) => shown.push((e as CustomEvent<{ time: number; cue: Cue }>).detail));
    const t0 = el.media!.currentTime;
    await s.pin({ id: 'll-pin', productId: 'tee', duration: 2, x: 0.5, y: 0.5 });
    await until(() => shown.some((d) => d.cue.id === 'll-pin'), 'the pin’s card', 15_000);
    const appeared = shown.find((d) => d.cue.id === 'll-pin')!;
    expect(appeared.time - appeared.cue.start, 'appears at its media time (within a frame)').to.be.within(0, 1 / 24 + 1e-3);
    await until(() => el.overlay?.shadowRoot?.querySelector('.hotspot[data-cue="ll-pin"]'), 'its hotspot on screen');
    await until(() => el.media!.currentTime > t0 + 4, 'four more seconds of playback');

    const log = await s.log();
    const parts = log.filter((r) => PART.test(r.path));
    const blocking = log.filter((r) => BLOCKING.test(r.path));
    expect(parts.length, 'parts requested').to.be.at.least(4);
    expect(parts.every((r) => r.status === 200), 'every part request answered').to.equal(true);
    expect(blocking.length, 'blocking playlist reloads with _HLS_msn and _HLS_part').to.be.at.least(4);
    // (status 0: a reload still held by the origin when the log was read)
    expect(log.filter((r) => r.status >= 400), 'nothing the strict origin refused or timed out').to.deep.equal([]);
  });

  it('a stream without parts is played as before: no part requests, no delivery directives', async () => {
    const s = await stream({ window: 6, startAt: 30 });
    const el = await player(s.src);
    const t0 = el.media!.currentTime;
    await until(() => el.media!.currentTime > t0 + 4, 'four more seconds of playback');
    const log = await s.log();
    expect(log.filter((r) => PART.test(r.path) || r.path.includes('_HLS_'))).to.deep.equal([]);
    expect(log.filter((r) => /^index\.m3u8$/.test(r.path)).length, 'plain playlist reloads').to.be.at.least(2);
  });
});
