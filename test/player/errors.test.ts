import { expect, fixture } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import type { ShoppableError } from '../../src/internal/errors.js';
import { faultyStream, firstFrame, recordErrors, shadow, shadowText, until, failOnUncaught } from '../helpers.js';

async function mount(src: string): Promise<{ el: ShoppableVideoElement; errors: ShoppableError[] }> {
  const el = document.createElement('shoppable-video');
  el.muted = true;
  const errors = recordErrors(el);
  el.src = src;
  await fixture(el);
  return { el, errors };
}

async function expectFatal(el: ShoppableVideoElement, errors: ShoppableError[], code: string, text: RegExp, timeout = 30_000) {
  await until(() => errors.some((e) => e.fatal), `a fatal ${code} error`, timeout);
  await el.updateComplete;
  const fatal = errors.filter((e) => e.fatal);
  expect(fatal, 'exactly one fatal error event').to.have.length(1);
  expect(fatal[0]!.code).to.equal(code);
  expect(fatal[0]!.source).to.equal('media');
  expect(fatal[0]!.message).to.match(text);
  expect(el.hasAttribute('error')).to.be.false; // error is a property, state is visible in the panel
  expect(el.error?.code).to.equal(code);
  const panel = shadowText(el, '[part="error"]');
  expect(panel).to.contain('This video can’t be played right now.');
  expect(panel).to.match(text);
  expect(shadow(el, '[part="error"] button').innerText.trim()).to.equal('Try again');
}

describe('fatal errors', () => {
  failOnUncaught();

  for (const [src, text] of [
    ['javascript:alert(1)', /uses javascript: — only http\(s\) URLs/],
    ['http://[not a host', /is not a valid URL/],
    ['   ', /src attribute is empty/],
  ] as const) {
    it(`rejects the invalid src ${JSON.stringify(src)} with a readable message`, async () => {
      const { el, errors } = await mount(src);
      await el.play();
      await expectFatal(el, errors, 'MEDIA_SRC_INVALID', text);
      expect(el.engine).to.equal(null);
    });
  }

  it('a 404 playlist shows the status, and retry recovers once the server serves it', async () => {
    const stream = await faultyStream('playlist-404');
    const { el, errors } = await mount(`${stream.base}/fmp4/master.m3u8`);
    await el.play();
    await expectFatal(el, errors, 'MEDIA_NETWORK', /HTTP 404 for the playlist master\.m3u8/);

    await stream.set('ok');
    shadow<HTMLButtonElement>(el, '[part="error"] button').click();
    await until(() => el.playing && el.currentTime > 0.3, 'playback after retry', 15_000);
    expect(el.error).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('a playlist of garbage is reported as not a playlist', async () => {
    const stream = await faultyStream('garbage');
    const { el, errors } = await mount(`${stream.base}/ts/index.m3u8`);
    await el.play();
    await expectFatal(el, errors, 'MEDIA_MANIFEST_PARSE', /index\.m3u8 is not a valid HLS playlist/);
  });

  it('a segment that 404s mid-stream stops with a message; retry resumes near where it stopped', async function () {
    // hls.js's default fragment policy: 6 backed-off retries (1, 2, 4, 8, 8, 8 s) before fatal.
    this.timeout(75_000);
    const stream = await faultyStream('segment-404', 2);
    const { el, errors } = await mount(`${stream.base}/ts/index.m3u8`);
    await el.play();
    await firstFrame(el.media!);
    await expectFatal(el, errors, 'MEDIA_NETWORK', /HTTP 404 for the video segment seg2\.ts/, 50_000);
    const stoppedAt = el.currentTime;

    await stream.set('ok');
    shadow<HTMLButtonElement>(el, '[part="error"] button').click();
    await until(() => el.playing && el.currentTime > Math.max(stoppedAt, 3.5), 'playback past the broken segment', 20_000);
  });

  it('a missing MP4 file is reported without hls.js', async () => {
    const { el, errors } = await mount('/test/fixtures/streams/mp4/missing.mp4');
    await el.play();
    await expectFatal(el, errors, 'MEDIA_UNSUPPORTED', /missing\.mp4 could not be played/);
  });

  it('bad attributes are reported as non-fatal config errors and defaults are used', async () => {
    const el = document.createElement('shoppable-video');
    const errors = recordErrors(el);
    el.setAttribute('aspect-ratio', 'wide');
    el.setAttribute('preload', 'sometimes');
    el.setAttribute('locale', 'en_US!');
    el.setAttribute('card-link', 'popup');
    await fixture(el);
    expect(errors.map((e) => [e.code, e.fatal, e.data?.['attribute']])).to.deep.equal([
      ['CONFIG_INVALID', false, 'aspect-ratio'],
      ['CONFIG_INVALID', false, 'locale'],
      ['CONFIG_INVALID', false, 'card-link'],
      ['CONFIG_INVALID', false, 'preload'],
    ]);
    expect(errors[1]!.message).to.equal('<shoppable-video locale="en_US!">: expected a BCP 47 language tag such as "en-US" or "de"; using the page\'s language.');
    expect([el.preload, el.locale, el.cardLink]).to.deep.equal(['metadata', '', 'product']);
    expect(shadow(el, '.frame').getBoundingClientRect().height).to.be.closeTo((el.getBoundingClientRect().width * 9) / 16, 1);
  });
});
