// Exclusive playback when play requests cross: what the shopper sees is the player asked last
// playing (a story viewer moves on while the next story's media is still attaching).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { STREAMS, failOnUncaught, until } from '../helpers.js';

async function two(preloadB: string): Promise<[ShoppableVideoElement, ShoppableVideoElement]> {
  const box = await fixture<HTMLDivElement>(html`<div>
    <shoppable-video id="a" src=${STREAMS.fmp4} muted preload="auto"></shoppable-video>
    <shoppable-video id="b" src=${STREAMS.fmp4} muted preload=${preloadB}></shoppable-video>
  </div>`);
  const a = box.querySelector<ShoppableVideoElement>('#a')!;
  const b = box.querySelector<ShoppableVideoElement>('#b')!;
  await until(() => a.media && a.media.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA, 'a ready to play');
  return [a, b];
}

/** B's time advances for a while and A stays paused. */
async function onlyBPlays(a: ShoppableVideoElement, b: ShoppableVideoElement): Promise<void> {
  await until(() => b.playing && b.currentTime > 0.5, 'b to play on');
  expect(b.paused, 'b playing').to.equal(false);
  expect(a.paused, 'a paused').to.equal(true);
  expect(a.playing).to.equal(false);
}

describe('exclusive playback when play requests cross', function () {
  this.timeout(30_000);
  failOnUncaught();

  it('a play() withdrawn before its media event arrives does not pause the player asked next, even while that one attaches its media', async () => {
    const [a, b] = await two('none');
    expect(b.engine, 'b has not started loading').to.equal(null);
    // One task, as a story viewer moving on does: A asked to play, then paused, and B asked to play.
    void a.play();
    a.pause();
    void b.play();
    await onlyBPlays(a, b);
  });

  it('the last play() wins when two arrive in the same task', async () => {
    const [a, b] = await two('auto');
    await until(() => b.media && b.media.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA, 'b ready to play');
    void a.play();
    void b.play();
    await onlyBPlays(a, b);
  });
});
