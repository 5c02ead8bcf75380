// The floating mini-player never moves the page: no layout shift when it floats or docks.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { STREAMS, shadow, until } from '../helpers.js';

const frames = (n = 2) => new Promise<void>((r) => { const step = (i: number) => (i ? requestAnimationFrame(() => step(i - 1)) : r()); step(n); });

/** Sums layout-shift entries from now on (what CLS would add). */
function layoutShifts(): { total(): number; entries: Array<{ value: number; sources: string[] }>; stop(): void } {
  type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node | null }> };
  const entries: Array<{ value: number; sources: string[] }> = [];
  const take = (list: PerformanceEntry[]) => {
    for (const e of list as Shift[]) if (!e.hadRecentInput) entries.push({ value: e.value, sources: (e.sources ?? []).map((s) => String((s.node as Element | null)?.localName)) });
  };
  const po = new PerformanceObserver((list) => take(list.getEntries()));
  po.observe({ type: 'layout-shift' });
  // takeRecords(): entries of frames already rendered but not yet delivered to the callback.
  return { entries, total: () => entries.reduce((n, e) => n + e.value, 0), stop: () => (take(po.takeRecords()), po.disconnect()) };
}

describe('mini-player', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('floats when scrolled away while playing and docks when scrolled back, with no layout shift', async () => {
    await setViewport({ width: 800, height: 600 });
    const box = await fixture<HTMLDivElement>(html`<div style="width: 640px">
      <p>Above the player</p>
      <shoppable-video src=${STREAMS.fmp4} muted></shoppable-video>
      <div style="height: 2000px">Below the player</div>
    </div>`);
    const player = box.querySelector('shoppable-video') as ShoppableVideoElement;
    await player.play();
    await until(() => player.playing, 'playback');
    await frames(3);
    const shifts = layoutShifts();
    for (let round = 0; round < 2; round++) {
      window.scrollTo(0, 1200);
      await until(() => player.hasAttribute('floating'), 'the mini-player');
      await Promise.all(shadow(player, '.frame').getAnimations().map((a) => a.finished));
      await frames(3);
      window.scrollTo(0, 0);
      await until(() => !player.hasAttribute('floating'), 'docked again');
      await Promise.all(shadow(player, '.frame').getAnimations().map((a) => a.finished));
      await frames(3);
    }
    shifts.stop();
    expect(shadow(player, '.frame').getBoundingClientRect().width).to.equal(640);
    expect(shifts.total(), JSON.stringify(shifts.entries)).to.equal(0);
    player.pause();
  });
});
