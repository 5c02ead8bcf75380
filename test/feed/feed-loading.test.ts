// What the feed loads, and when: the open story before its neighbours, one preview that does
// not churn while the carousel scrolls, tiles that do not shift while their manifests arrive.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { ShoppableFeedElement } from '../../src/feed/feed.component.js';
import { failOnUncaught, until } from '../helpers.js';

const BASE = '/test/fixtures/streams/stories';
const IDS = ['linen-overshirt', 'velvet-lipstick', 'rose-serum', 'gold-hoops', 'canvas-sneaker', 'spring-mix'];

let feed: ShoppableFeedElement;
const root = () => feed.shadowRoot!;
const players = () => [...root().querySelectorAll<ShoppableVideoElement>('.players > shoppable-video')];
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** A feed of `count` tiles over the six stories; `tag` makes its URLs its own (resource timing, caches). */
async function mount(count: number, attrs: Record<string, string>, tag: string): Promise<ShoppableFeedElement> {
  const el = document.createElement('shoppable-feed');
  el.setAttribute('shows', Array.from({ length: count }, (_, i) => `${BASE}/${IDS[i % 6]}/show.json?${tag}=${i}`).join(' '));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await customElements.whenDefined('shoppable-feed');
  feed = el;
  await until(() => feed.stories.length === count && feed.stories.every(Boolean), 'every tile read');
  await feed.updateComplete;
  return feed;
}

describe('<shoppable-feed> loading', function () {
  this.timeout(60_000);
  failOnUncaught();
  afterEach(() => document.querySelectorAll('shoppable-feed').forEach((f) => f.remove()));

  it('opens the story first: no neighbour requests a playlist before the open story plays; then both neighbours load', async () => {
    await mount(6, { preview: 'none' }, 'first');
    const opened = performance.now();
    feed.open(2);
    await feed.updateComplete;
    const current = root().querySelector<ShoppableVideoElement>('.players > .current')!;
    let played = 0;
    current.addEventListener('playing', () => (played ||= performance.now()));
    await until(() => played, 'the open story to play');
    await until(() => players().length === 3, 'both neighbours');
    const requests = (id: string) => performance.getEntriesByType('resource').filter((e) => e.startTime > opened && e.name.includes(`/${id}/`) && /\.m3u8$/.test(new URL(e.name).pathname));
    await until(() => requests(IDS[1]!).length && requests(IDS[3]!).length, 'the neighbours’ playlists');
    for (const id of [IDS[1]!, IDS[3]!]) {
      const first = Math.min(...requests(id).map((e) => e.startTime));
      expect(first, `${id}'s first playlist request after the open story played`).to.be.greaterThan(played);
    }
    expect(requests(IDS[2]!).length, 'the open story’s playlists').to.be.greaterThan(0);
  });

  it('byte budget: a neighbour loads its playlists and first segment only while the open story plays', async () => {
    await mount(6, { preview: 'none' }, 'budget');
    const opened = performance.now();
    feed.open(2);
    await feed.updateComplete;
    const current = root().querySelector<ShoppableVideoElement>('.players > .current')!;
    await until(() => players().length === 3 && players().every((p) => p === current || (p.media && p.media.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA)), 'both neighbours with a first frame');
    // By the time the open story has played 3 s of its 8, a neighbour buffering normally has fetched every segment.
    await until(() => current.currentTime > 3, 'the open story 3 s in', 20_000);
    const segments = (id: string) => performance.getEntriesByType('resource').filter((e) => e.startTime > opened && e.name.includes(`/${id}/`) && /\.ts$/.test(new URL(e.name).pathname)) as PerformanceResourceTiming[];
    for (const id of [IDS[1]!, IDS[3]!]) {
      expect(segments(id).map((e) => new URL(e.name).pathname.split('/').pop()), `${id}'s segments`).to.deep.equal(['seg0.ts']);
      expect(segments(id).reduce((n, e) => n + e.encodedBodySize, 0), `${id}'s segment bytes`).to.be.at.most(45_000);
    }
    // Moved to, a neighbour buffers normally and plays on.
    feed.next();
    await until(() => feed.current === 3 && root().querySelector<ShoppableVideoElement>('.players > .current')?.currentTime! > 2.5, 'the next story playing past its first segment', 20_000);
  });

  it('a preview playing when a story opens is freed once the story plays', async () => {
    await mount(6, {}, 'preview');
    await until(() => root().querySelector<ShoppableVideoElement>('.preview')?.playing, 'a preview playing');
    feed.open(0);
    await until(() => root().querySelector<ShoppableVideoElement>('.players > .current')?.playing, 'the story playing');
    await until(() => !root().querySelector('.preview'), 'the preview freed');
    expect(root().querySelectorAll('shoppable-video').length).to.be.at.most(3);
  });

  it('the preview stays put while the carousel scrolls, and moves to the tile nearest the centre once it rests', async () => {
    await mount(24, {}, 'scroll');
    await until(() => root().querySelector<ShoppableVideoElement>('.preview')?.playing, 'a preview playing');
    const created: Element[] = [];
    const watch = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => n instanceof Element && n.matches('.preview') && created.push(n))));
    watch.observe(root().querySelector('.list')!, { childList: true, subtree: true });
    const list = root().querySelector<HTMLElement>('.list')!;
    for (let x = 0; x <= 1800; x += 120) {
      list.scrollLeft = x;
      await nextFrame();
    }
    expect(created.length, 'preview players created while scrolling').to.equal(0);
    await until(() => created.length, 'a preview once scrolling rests');
    const preview = created[0] as ShoppableVideoElement;
    await until(() => preview.playing, 'the new preview playing');
    watch.disconnect();
    expect(created.length, 'one new preview').to.equal(1);
    // It is the tile nearest the viewport's centre.
    const tiles = [...root().querySelectorAll<HTMLElement>('[part="tile-button"]')];
    const distance = (t: HTMLElement) => Math.abs(t.getBoundingClientRect().left + t.getBoundingClientRect().width / 2 - innerWidth / 2);
    const nearest = tiles.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    expect(preview.closest('li')!.contains(nearest)).to.equal(true);
  });

  it('tiles do not shift while their manifests arrive (CLS 0)', async () => {
    let cls = 0;
    const shifts = new PerformanceObserver((l) => l.getEntries().forEach((e) => (cls += (e as PerformanceEntry & { value: number }).value)));
    shifts.observe({ type: 'layout-shift' });
    await mount(6, { preview: 'none' }, 'cls');
    await nextFrame();
    await nextFrame();
    shifts.disconnect();
    expect(cls).to.equal(0);
  });
});
