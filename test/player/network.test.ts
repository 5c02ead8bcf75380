// Network faults during playback: hls.js's own retry policies apply (a segment server error
// that lasts longer than a few seconds is ridden out), and after a fatal network error the
// player resumes by itself when the browser comes back online.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { failOnUncaught, mountRecording, faultyStream, until } from '../helpers.js';

const mount = mountRecording;

describe('network faults during playback', () => {
  failOnUncaught();

  it('a segment answering 503 four times in a row (about 15 s of retries) is ridden out', async function () {
    this.timeout(45_000);
    const id = `s503${Math.random().toString(36).slice(2, 10)}`;
    await fetch(`/__faults/${id}`, { method: 'POST', body: JSON.stringify({ mode: 'segment-503', after: 2, times: 4 }) });
    const { el, errors } = await mount(`/faults/${id}/ts/index.m3u8`);
    await el.play();
    await until(() => el.currentTime > 5 || el.error, 'playback past the failing segment (or a fatal error)', 40_000);
    expect(el.error, 'no fatal error').to.equal(null);
    expect(errors).to.deep.equal([]);
  });

  it('after a fatal network error, playback resumes by itself when the browser comes back online', async () => {
    const stream = await faultyStream('playlist-404');
    const { el, errors } = await mount(`${stream.base}/ts/index.m3u8`);
    await el.play();
    await until(() => el.error, 'the fatal network error');
    expect(el.error!.code).to.equal('MEDIA_NETWORK');

    await stream.set('ok');
    window.dispatchEvent(new Event('online'));
    await until(() => el.playing && el.currentTime > 0.5, 'playback without Try again', 15_000);
    expect(el.error).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    expect(errors.filter((e) => e.fatal)).to.have.length(1);
  });

  it('an online event while nothing failed changes nothing', async () => {
    const { el, errors } = await mount('/test/fixtures/streams/ts/index.m3u8');
    await el.play();
    await until(() => el.currentTime > 0.5, 'playback');
    const media = el.media!;
    window.dispatchEvent(new Event('online'));
    await until(() => el.currentTime > 1.5, 'more playback');
    expect(el.media).to.equal(media);
    expect(errors).to.deep.equal([]);
  });
});
