import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { expectAccessible } from '../a11y.js';
import { STREAMS, shadow, until } from '../helpers.js';

describe('keyboard and accessibility', () => {
  it('passes an axe audit before playback, while playing, with a menu open, and in the error state', async () => {
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.subs} muted label="Spring collection show"></shoppable-video>`);
    await expect(el).to.be.accessible();
    await expectAccessible(el, 'before playback');
    await el.play();
    await until(() => el.playing && el.captionTracks.length === 2, 'playback with captions');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await expectAccessible(el, 'while playing');
    shadow<HTMLButtonElement>(el, '[data-menu="captions"]').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await expectAccessible(el, 'with the captions menu open');
    el.src = 'javascript:void 0';
    await el.updateComplete;
    await el.play();
    await until(() => el.error, 'the error state');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await expectAccessible(el, 'in the error state');
  });

  it('is operable from the keyboard: Tab to the player, then k, arrows, m, c, f', async () => {
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.subs} muted captions-lang="en"></shoppable-video>`);
    // Tab into the player: the first stop is the big play button.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Play video');
    await sendKeys({ press: 'Enter' });
    await until(() => el.playing, 'Enter on the play button to start playback');
    await until(() => el.captionTracks.length === 2, 'caption tracks');

    // The big play button is gone: focus moved to the bar's play button, visibly (WCAG 2.4.7).
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused?.getAttribute('part'), 'focus after the big play button').to.equal('play-button');
    expect(focused.matches(':focus-visible'), 'a visible focus indicator').to.be.true;
    await sendKeys({ press: 'k' });
    await until(() => el.paused, 'k to pause');
    const t = el.currentTime;
    await sendKeys({ press: 'ArrowRight' });
    await until(() => Math.abs(el.currentTime - (t + 5)) < 0.01, 'ArrowRight to seek 5 s');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => Math.abs(el.currentTime - t) < 0.01, 'ArrowLeft to seek back 5 s');

    expect(el.media!.muted).to.be.true;
    await sendKeys({ press: 'm' });
    expect(el.media!.muted).to.be.false;
    await sendKeys({ press: 'ArrowDown' });
    expect(el.volume).to.be.closeTo(0.9, 0.001);

    expect(el.captionTrack, 'captions-lang="en" shows English').to.equal(0);
    await sendKeys({ press: 'c' });
    expect(el.captionTrack).to.equal(-1);
    await sendKeys({ press: 'c' });
    expect(el.captionTrack).to.equal(0);

    await sendKeys({ press: 'f' });
    await until(() => document.fullscreenElement === el && el.fullscreen, 'fullscreen on the host element');
    await el.updateComplete;
    expect(shadow(el, '[part="fullscreen-button"]').getAttribute('aria-label')).to.equal('Exit full screen');
    await sendKeys({ press: 'f' });
    await until(() => !document.fullscreenElement && !el.fullscreen, 'fullscreen to exit');

    await sendKeys({ press: ' ' });
    await until(() => el.playing, 'space to play');
  });

  it('the captions menu works with arrows, Enter and Escape, and returns focus', async () => {
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.subs} muted></shoppable-video>`);
    await el.play();
    await until(() => el.captionTracks.length === 2, 'caption tracks');
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, '[data-menu="captions"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // The playlist marks English DEFAULT=YES, so it is showing and focus lands on it.
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('English');
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Off');
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Deutsch');
    await sendKeys({ press: 'Enter' });
    await until(() => el.captionTrack === 1, 'German captions');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('data-menu')).to.equal('captions');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-menu')).to.equal('captions');
  });
});
