// A live stream: joining it is `sv-live-join` (not a video start), with no quartiles, and the
// show's fields — counted even when playback (autoplay) started before the show chunk arrived.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { Show } from '../../src/timeline/types.js';
import { failOnUncaught, until } from '../helpers.js';
import { recordCatalogue } from './record.js';

const SHOW: Show = { version: '1.0', id: 'live-show', currency: 'USD', products: [{ id: 'tee', title: 'Live Tee', price: 2500 }], cues: [] };

describe('live joined', function () {
  this.timeout(30_000);
  failOnUncaught();

  it('fires sv-live-join once with live: true, and no video start or quartiles', async () => {
    const rec = recordCatalogue();
    const id = `a${Date.now().toString(36)}`;
    await fetch(`/__live/${id}`, { method: 'POST', body: JSON.stringify({}) });
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video muted autoplay src=${`/live/${id}/index.m3u8`} .show=${SHOW}></shoppable-video>`);
    await until(() => el.playing && el.duration === Infinity, 'live playback');
    await until(() => rec.of('sv-live-join').length, 'live joined');
    // Time passes on the live edge: still one join, never a start, a quartile or a complete.
    const t = el.currentTime;
    await until(() => el.currentTime > t + 1.5, 'playback going on');
    rec.stop();
    expect(rec.seen.map((s) => s.type)).to.deep.equal(['sv-live-join']);
    expect(rec.seen[0]!.detail).to.include({ live: true, duration: Infinity, showId: 'live-show', productId: undefined });
    expect(rec.seen[0]!.detail.viewId).to.match(/^[0-9a-f]{32}$/);
    await fetch(`/__live/${id}/end`, { method: 'POST', body: '{}' });
  });
});
