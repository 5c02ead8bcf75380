// <shoppable-feed> and its story viewer, in a real Chromium against the committed story clips
// and the local storefront: what the shopper sees (tiles, one preview, the viewer), what the
// URL and history do, the keyboard, and what the store receives.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { ShoppableFeedElement } from '../../src/feed/feed.component.js';
import type { ShoppableOverlayElement } from '../../src/overlay/overlay.component.js';
import { liveHlsInstances } from '../../src/player/pipeline.js';
import type { Show } from '../../src/timeline/types.js';
import { expectAccessible } from '../a11y.js';
import { preparePage, resetStore, serverLines } from '../commerce/store.js';
import { failOnUncaught, until } from '../helpers.js';

const BASE = '/test/fixtures/streams/stories';
const IDS = ['linen-overshirt', 'velvet-lipstick', 'rose-serum', 'gold-hoops', 'canvas-sneaker', 'spring-mix'];
const SHOWS = IDS.map((id) => `${BASE}/${id}/show.json`).join(' ');

let feed: ShoppableFeedElement;

async function mount(attrs: Record<string, string> = {}, dir = 'ltr'): Promise<ShoppableFeedElement> {
  const el = document.createElement('shoppable-feed');
  el.setAttribute('shows', SHOWS);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const holder = document.createElement('div');
  holder.dir = dir;
  holder.append(el);
  document.body.append(holder);
  await customElements.whenDefined('shoppable-feed');
  feed = document.querySelector('shoppable-feed')!;
  await until(() => feed.stories.length && feed.stories.every(Boolean), 'every tile read from its manifest');
  await feed.updateComplete;
  return feed;
}

const root = () => feed.shadowRoot!;
const $ = <T extends Element = HTMLElement>(sel: string) => root().querySelector<T>(sel)!;
const tile = (i: number) => $<HTMLButtonElement>(`[part="tile-button"][data-index="${i}"]`);
const dialog = () => $<HTMLDialogElement>('dialog');
const players = () => [...root().querySelectorAll<ShoppableVideoElement>('.players > shoppable-video')];
const current = () => root().querySelector<ShoppableVideoElement>('.players > .current');
/** What has focus, through shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
/** A click where a finger would land: the centre of the element, hit-tested by the browser. */
async function tap(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const r = el.getBoundingClientRect();
  const x = Math.round(r.left + r.width / 2);
  const y = Math.round(r.top + r.height / 2);
  // What is on top there must be the control itself (not covered by anything).
  const hit = feed.shadowRoot!.elementFromPoint(x, y);
  expect(hit === el || el.contains(hit), `${el.getAttribute('part') ?? el.localName} is on top at its centre`).to.equal(true);
  await sendMouse({ type: 'click', position: [x, y] });
}
/** The story `id` is open and its own player (not the one moved away from, before the feed re-renders) plays. */
const playingStory = async (id: string) => {
  await until(() => {
    const story = feed.stories[feed.current];
    return story?.id === id && current()?.show === story.show && current()!.playing;
  }, `story ${id} playing`);
};

describe('<shoppable-feed>', function () {
  this.timeout(60_000);
  failOnUncaught();
  let startUrl = '';
  before(() => (startUrl = location.href));
  afterEach(async () => {
    document.querySelectorAll('shoppable-feed').forEach((f) => f.parentElement!.remove());
    history.replaceState(null, '', startUrl);
    await setViewport({ width: 1280, height: 800 });
  });
  beforeEach(() => setViewport({ width: 1280, height: 800 }));

  it('is a lazy chunk: the tag registers when a feed appears', async () => {
    await mount();
    expect(customElements.get('shoppable-feed')).to.be.a('function');
    expect(performance.getEntriesByType('resource').some((e) => /\/src\/feed\/feed\.component\.ts/.test(e.name))).to.equal(true);
  });

  it('shows a tile per story with poster, title and first product’s price; one preview plays, muted', async () => {
    await mount();
    const titles = [...root().querySelectorAll('[part="title"]')].map((t) => t.textContent);
    expect(titles).to.deep.equal(['Linen, three ways', 'Rosewood in six seconds', 'A dewy morning routine', 'Everyday gold', 'Chalk sneakers, back soon', 'The spring edit in eight seconds']);
    expect([...root().querySelectorAll('[part="price"]')].map((p) => p.textContent)).to.deep.equal(['$68.00', '$24.00', '$39.00', '$45.00', '$75.00', '$45.00']);
    expect(root().querySelectorAll('img[part="poster"]').length).to.equal(6);
    await until(() => root().querySelector<ShoppableVideoElement>('.preview')?.playing, 'a preview playing');
    const videos = [...document.querySelectorAll('shoppable-feed')].flatMap((f) => [...f.shadowRoot!.querySelectorAll<ShoppableVideoElement>('shoppable-video')]);
    expect(videos.length, 'one preview player').to.equal(1);
    expect(videos[0]!.media!.muted).to.equal(true);
    expect(liveHlsInstances.size).to.equal(1);
  });

  it('takes its items from child <shoppable-video> elements too (their label, id and show)', async () => {
    const holder = document.createElement('div');
    holder.innerHTML = `<shoppable-feed preview="none">
      <shoppable-video preload="none" id="first" label="Gold, up close" show="${BASE}/gold-hoops/show.json"></shoppable-video>
      <shoppable-video preload="none" show="${BASE}/rose-serum/show.json"></shoppable-video>
    </shoppable-feed>`;
    document.body.append(holder);
    await customElements.whenDefined('shoppable-feed');
    feed = holder.querySelector('shoppable-feed')!;
    await until(() => feed.stories.length === 2 && feed.stories.every(Boolean), 'two tiles');
    await feed.updateComplete;
    expect([...root().querySelectorAll('[part="tile-button"]')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Gold, up close $45.00', 'A dewy morning routine $39.00']);
    expect(feed.stories.map((s) => s!.id)).to.deep.equal(['gold-hoops', 'rose-serum']);
    expect(holder.querySelector('shoppable-video')!.getBoundingClientRect().height, 'children are items, not players on the page').to.equal(0);
    await tap(tile(0));
    await playingStory('gold-hoops');
    expect(liveHlsInstances.size).to.be.at.most(3);
  });

  it('preview="none" plays no preview', async () => {
    await mount({ preview: 'none' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(root().querySelector('shoppable-video')).to.equal(null);
  });

  it('opens from a tile: a modal dialog, #story=<id>, focus inside, sound on; ✕ closes and focus returns to the tile', async () => {
    await mount({ preview: 'none' });
    await tap(tile(2));
    await playingStory('rose-serum');
    expect(dialog().open).to.equal(true);
    expect(dialog().matches(':modal')).to.equal(true);
    expect(location.hash).to.equal('#story=rose-serum');
    expect(deepActive()).to.equal($('[part="close-button"]'));
    expect(current()!.media!.muted, 'sound on after the opening tap').to.equal(false);
    expect($('#story-title').textContent).to.equal('Story 3 of 6: A dewy morning routine');
    await tap($('[part="close-button"]'));
    await until(() => !dialog().open, 'the viewer to close');
    expect(location.hash).to.equal('');
    expect(deepActive()).to.equal(tile(2));
    expect(players()).to.deep.equal([]);
  });

  it('Escape and Back close the viewer without leaving the page', async () => {
    await mount({ preview: 'none' });
    const length = history.length;
    await tap(tile(0));
    await playingStory('linen-overshirt');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog().open, 'Escape to close');
    expect(location.href).to.equal(startUrl);
    await tap(tile(1));
    await playingStory('velvet-lipstick');
    history.back();
    await until(() => !dialog().open, 'Back to close');
    expect(location.href).to.equal(startUrl);
    expect(history.length).to.be.at.most(length + 1);
    expect(deepActive()).to.equal(tile(1));
  });

  it('opens from a deep link (muted: no gesture yet), and Back closes it', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#story=gold-hoops`);
    await mount({ preview: 'none' });
    await playingStory('gold-hoops');
    expect(dialog().open).to.equal(true);
    expect(location.hash).to.equal('#story=gold-hoops');
    expect(current()!.media!.muted).to.equal(true);
    expect($('[part="mute-button"]').getAttribute('aria-label')).to.equal('Unmute');
    history.back();
    await until(() => !dialog().open, 'Back to close');
    expect(location.hash).to.equal('');
    expect(location.pathname).to.equal(new URL(startUrl).pathname);
  });

  it('moves between stories with arrow keys, the wheel, swipes and the buttons; the progress bar follows', async () => {
    await mount({ preview: 'none' });
    await tap(tile(0));
    await playingStory('linen-overshirt');
    await sendKeys({ press: 'ArrowDown' });
    await playingStory('velvet-lipstick');
    expect(location.hash).to.equal('#story=velvet-lipstick');
    await sendKeys({ press: 'ArrowUp' });
    await playingStory('linen-overshirt');
    await sendKeys({ press: 'ArrowRight' });
    await playingStory('velvet-lipstick');
    // the wheel: one notch down, then one up
    const stage = $('.players');
    stage.dispatchEvent(new WheelEvent('wheel', { deltaY: 120, bubbles: true, composed: true, cancelable: true }));
    await playingStory('rose-serum');
    await until(() => root().querySelectorAll('.fill')[2] && getComputedStyle(root().querySelectorAll('.fill')[2]!).transform !== 'matrix(0, 0, 0, 1, 0, 0)', 'the progress bar to move');
    // a swipe up with a real pointer
    const r = stage.getBoundingClientRect();
    const x = Math.round(r.left + r.width / 2);
    await sendMouse({ type: 'move', position: [x, Math.round(r.top + r.height * 0.8)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x, Math.round(r.top + r.height * 0.3)] });
    await sendMouse({ type: 'up' });
    await playingStory('gold-hoops');
    expect(current()!.paused, 'a swipe does not also pause').to.equal(false);
    await tap($('[part="previous-button"]'));
    await playingStory('rose-serum');
    await tap($('[part="next-button"]'));
    await playingStory('gold-hoops');
    const fills = [...root().querySelectorAll<HTMLElement>('.fill')].map((f) => f.style.getPropertyValue('--p'));
    expect(fills.slice(0, 3)).to.deep.equal(['1', '1', '1']);
    expect(fills.slice(4)).to.deep.equal(['0', '0']);
    expect(feed.hasAttribute('style')).to.equal(false);
    expect(root().querySelector('[style]:not(.fill)')).to.equal(null); // cssProps writes the CSSOM, never markup
  });

  it('keeps focus inside the viewer: Tab and Shift+Tab cycle through its controls', async () => {
    await mount({ preview: 'none' });
    await tap(tile(1));
    await playingStory('velvet-lipstick');
    const inside = () => {
      const a = deepActive();
      return !!a && (dialog().contains(a) || players().some((p) => p.shadowRoot!.contains(a) || p.contains(a) || a.getRootNode() !== document));
    };
    const seen = new Set<string>();
    for (let i = 0; i < 14; i++) {
      await sendKeys({ press: 'Tab' });
      expect(inside(), `focus inside after ${i + 1} Tab`).to.equal(true);
      seen.add(deepActive()!.getAttribute('part') ?? deepActive()!.localName);
    }
    for (const part of ['previous-button', 'next-button', 'mute-button', 'close-button']) expect(seen.has(part), part).to.equal(true);
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Shift+Tab' });
      expect(inside(), `focus inside after ${i + 1} Shift+Tab`).to.equal(true);
    }
  });

  it('a buy inside a story adds exactly one line to the store, with the story as attribution', async () => {
    await resetStore();
    await preparePage('shopify');
    await mount({ preview: 'none', checkout: 'shopify' });
    await tap(tile(3));
    await playingStory('gold-hoops');
    const player = current()!;
    await until(() => player.overlay && player.flow, 'the overlay and the cart flow');
    const overlay = player.overlay as ShoppableOverlayElement;
    await until(() => overlay.shadowRoot?.querySelector('.hotspot[data-cue="gold-hoops-cue"]'), 'the hotspot');
    (overlay.shadowRoot!.querySelector('.hotspot[data-cue="gold-hoops-cue"]') as HTMLElement).click();
    const buy = await until(() => overlay.shadowRoot!.querySelector<HTMLButtonElement>('[part~="buy-button"]'), 'the buy button');
    await tap2(buy!);
    await until(async () => (await serverLines('shopify')).length, 'a line in the store');
    await until(() => overlay.flow!.state('gold-hoops').status === 'success', 'the add to finish');
    const lines = await serverLines('shopify');
    expect(lines.map((l) => [l.variantId, l.quantity])).to.deep.equal([['44012345679100', 1]]);
    expect(lines[0]!.properties).to.deep.include({ _shoppable_show: 'gold-hoops', _shoppable_cue: 'gold-hoops-cue' });
  });

  it('a 50-story soak keeps at most three pipelines alive and frees them all on close', async function () {
    this.timeout(120_000);
    const shows: Show[] = Array.from({ length: 50 }, (_, i) => {
      const id = IDS[i % 6]!;
      return { version: '1.0', id: `soak-${i}`, title: `Soak ${i}`, currency: 'USD', video: { src: `${BASE}/${id}/master.m3u8`, poster: `${BASE}/${id}/poster.jpg` }, products: [], cues: [] } as Show;
    });
    const el = document.createElement('shoppable-feed');
    el.setAttribute('preview', 'none');
    document.body.append(document.createElement('div'));
    document.body.lastElementChild!.append(el);
    await customElements.whenDefined('shoppable-feed');
    feed = el;
    feed.shows = shows;
    await until(() => feed.stories.length === 50 && feed.stories.every(Boolean), '50 stories');
    await feed.updateComplete;
    feed.open(0);
    let most = 0;
    for (let i = 0; i < 50; i++) {
      await playingStory(`soak-${i}`);
      most = Math.max(most, liveHlsInstances.size);
      expect(players().length, 'players alive').to.be.at.most(3);
      if (i < 49) feed.next();
    }
    expect(most, 'pipelines alive at the most').to.be.at.most(3);
    expect(most).to.be.at.least(2);
    feed.close();
    await until(() => !dialog().open, 'the viewer to close');
    await until(() => liveHlsInstances.size === 0, 'every pipeline freed');
    expect(players()).to.deep.equal([]);
  });

  it('RTL on a 360 px phone: full-screen viewer, controls hit at their centres, ← goes forward, swipes mirror', async () => {
    await setViewport({ width: 360, height: 740 });
    await mount({ preview: 'none' }, 'rtl');
    await tap(tile(0));
    await playingStory('linen-overshirt');
    const stage = $('.stage').getBoundingClientRect();
    expect([stage.left, stage.top, stage.width, stage.height]).to.deep.equal([0, 0, 360, 740]);
    const close = $('[part="close-button"]').getBoundingClientRect();
    const next = $('[part="next-button"]').getBoundingClientRect();
    expect(close.left < next.left, 'close at the inline end (left in RTL)').to.equal(true);
    await tap($('[part="next-button"]'));
    await playingStory('velvet-lipstick');
    await sendKeys({ press: 'ArrowLeft' });
    await playingStory('rose-serum');
    await sendKeys({ press: 'ArrowRight' });
    await playingStory('velvet-lipstick');
    // a horizontal swipe towards the right goes forward in RTL
    const r = $('.players').getBoundingClientRect();
    const y = Math.round(r.top + r.height / 2);
    await sendMouse({ type: 'move', position: [40, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [300, y] });
    await sendMouse({ type: 'up' });
    await playingStory('rose-serum');
    await tap($('[part="mute-button"]'));
    await until(() => current()!.media!.muted, 'muted');
    await tap($('[part="close-button"]'));
    await until(() => !dialog().open, 'closed');
  });

  for (const width of [1280, 360]) {
    it(`axe (WCAG 2.2 AA) at ${width} px: tiles, grid, and the open viewer`, async () => {
      await setViewport({ width, height: width === 360 ? 740 : 800 });
      await mount();
      await until(() => root().querySelector<ShoppableVideoElement>('.preview')?.playing, 'a preview playing');
      await expectAccessible(feed, 'carousel');
      feed.layout = 'grid';
      await feed.updateComplete;
      await expectAccessible(feed, 'grid');
      await tap(tile(5));
      await playingStory('spring-mix');
      await until(() => current()!.overlay?.shadowRoot?.querySelector('.hotspot'), 'a hotspot');
      await expectAccessible(feed, 'viewer open');
      await sendKeys({ press: 'ArrowUp' });
      await playingStory('canvas-sneaker');
      await expectAccessible(feed, 'viewer, previous story');
    });
  }

  it('teardown: removing the feed with the viewer open frees every pipeline, listener and history entry', async () => {
    await mount();
    await tap(tile(1));
    await playingStory('velvet-lipstick');
    expect(liveHlsInstances.size).to.be.at.least(1);
    feed.parentElement!.remove();
    await until(() => liveHlsInstances.size === 0, 'every pipeline freed');
    expect(location.hash).to.equal('');
    window.dispatchEvent(new PopStateEvent('popstate')); // nothing listens any more
    expect(document.querySelector('shoppable-feed')).to.equal(null);
  });
});

/** A click at the centre of a control inside a player's shadow DOM. */
async function tap2(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'nearest' });
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}
