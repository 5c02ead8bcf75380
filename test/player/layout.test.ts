import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { STREAMS, firstFrame, shadow, until } from '../helpers.js';

describe('layout', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('reserves its box from the aspect ratio: no layout shift while loading and playing', async () => {
    let shift = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<PerformanceEntry & { value: number }>) shift += e.value;
    });
    observer.observe({ type: 'layout-shift', buffered: true });
    const box = await fixture<HTMLDivElement>(html`<div style="width: 480px">
      <p>Above</p>
      <shoppable-video src=${STREAMS.fmp4} aspect-ratio="4:3" muted></shoppable-video>
      <p id="below">Below</p>
    </div>`);
    const el = box.querySelector<ShoppableVideoElement>('shoppable-video')!;
    expect(el.getBoundingClientRect().height).to.be.closeTo(360, 1);
    const belowTop = box.querySelector('#below')!.getBoundingClientRect().top;
    await el.play();
    await firstFrame(el.media!);
    await until(() => el.currentTime > 0.5, 'playback');
    await new Promise((r) => setTimeout(r, 300));
    observer.disconnect();
    expect(box.querySelector('#below')!.getBoundingClientRect().top).to.equal(belowTop);
    expect(shift).to.equal(0);
  });

  for (const [name, src, menus] of [
    ['renditions', STREAMS.fmp4, ['quality']],
    ['renditions and captions', STREAMS.subs, ['captions']],
  ] as const) {
    it(`fits a 360 px wide phone (${name}): every control a 44×44 target inside the box, none overlapping`, async () => {
      await setViewport({ width: 360, height: 740 });
      const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${src} muted></shoppable-video>`);
      await el.play();
      await until(() => menus.every((m) => el.shadowRoot!.querySelector(`[data-menu="${m}"]`)), 'menus');
      await el.updateComplete;
      const frame = shadow(el, '.frame').getBoundingClientRect();
      expect(frame.width).to.be.at.most(360);
      const targets = [...el.shadowRoot!.querySelectorAll('.row button, .row .time')]
        .map((b) => [b, b.getBoundingClientRect()] as const)
        .filter(([, r]) => r.width > 0);
      expect(targets.filter(([b]) => b.matches('button')).length).to.be.at.least(4);
      for (const [b, r] of targets) {
        expect(r.left, b.outerHTML.slice(0, 40)).to.be.at.least(frame.left - 0.5);
        expect(r.right, b.outerHTML.slice(0, 40)).to.be.at.most(frame.right + 0.5);
        if (!b.matches('button')) continue;
        expect(r.height, b.getAttribute('aria-label')!).to.be.at.least(44);
        expect(r.width, b.getAttribute('aria-label')!).to.be.at.least(44);
      }
      for (let i = 1; i < targets.length; i++) expect(targets[i]![1].left).to.be.at.least(targets[i - 1]![1].right - 0.5);
      // The menus' items are 44 px tall too.
      (shadow(el, `[data-menu="${menus[0]}"]`) as HTMLButtonElement).click();
      await el.updateComplete;
      const items = [...el.shadowRoot!.querySelectorAll('[role="menuitemradio"]')].map((i) => i.getBoundingClientRect());
      expect(items.length).to.be.at.least(2);
      for (const r of items) expect(r.height).to.be.at.least(44);
    });
  }
});

describe('layout under a hostile theme', () => {
  const HOSTILE = `* { all: unset !important; box-sizing: content-box !important; font-size: 40px !important; line-height: 3 !important;
    letter-spacing: 5px !important; text-transform: uppercase !important; color: red !important; }
  button, input, span, video { display: none !important; margin: 20px !important; }`;

  it('renders the same control boxes and text as on a clean page, and leaks nothing out', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 640px !important; display: block !important">
      <shoppable-video src=${STREAMS.fmp4} muted></shoppable-video><p id="after">after</p>
    </div>`);
    const el = box.querySelector('shoppable-video')!;
    await el.play();
    await until(() => el.renditions.length === 3 && el.currentTime > 0.2, 'playback');
    el.pause();
    await el.updateComplete;
    const frame = () => shadow(el, '.frame').getBoundingClientRect();
    const boxes = () => {
      const f = frame();
      return ['[part="play-button"]', '[part="mute-button"]', 'input[type="range"]', '.time', '[part="fullscreen-button"]', '[data-menu="quality"]'].map((sel) => {
        const r = shadow(el, sel).getBoundingClientRect();
        return `${sel} ${Math.round(r.left - f.left)} ${Math.round(r.top - f.top)} ${Math.round(r.width)} ${Math.round(r.height)}`;
      });
    };
    const clean = { frame: frame().toJSON(), boxes: boxes() };
    const after = getComputedStyle(box.querySelector('#after')!).fontSize;
    const style = document.createElement('style');
    style.textContent = HOSTILE;
    document.head.append(style);
    try {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(frame().width).to.equal(clean.frame.width);
      expect(frame().height).to.equal(clean.frame.height);
      expect(boxes()).to.deep.equal(clean.boxes);
      const time = getComputedStyle(shadow(el, '.time'));
      expect([time.fontSize, time.letterSpacing, time.textTransform, time.color]).to.deep.equal(['14px', 'normal', 'none', 'rgb(255, 255, 255)']);
    } finally {
      style.remove();
    }
    // Nothing of the player's styles reaches the page.
    expect(getComputedStyle(box.querySelector('#after')!).fontSize).to.equal(after);
  });
});
