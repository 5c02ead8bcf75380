// Streams the browser cannot decode must end in ONE fatal, readable error, at once: never a
// loop of hls.js recoverMediaError() calls with the spinner up.
import { expect, fixture } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { liveHlsInstances } from '../../src/player/pipeline.js';
import { failOnUncaught, mountRecording, recordErrors, shadowText, until } from '../helpers.js';

async function mount(src: string) {
  const { el, errors } = await mountRecording(src);
  // Count hls.js's media recoveries on whatever instance the pipeline creates.
  const recoveries = { count: 0 };
  const spy = setInterval(() => {
    for (const hls of liveHlsInstances) {
      const h = hls as typeof hls & { spied?: boolean };
      if (h.spied) continue;
      h.spied = true;
      const recover = hls.recoverMediaError.bind(hls);
      hls.recoverMediaError = () => {
        recoveries.count++;
        recover();
      };
    }
  }, 1);
  await el.play();
  return { el, errors, recoveries, stop: () => clearInterval(spy) };
}

describe('undecodable streams', () => {
  failOnUncaught();

  it('a stream whose only codec the browser lacks (HEVC) fails at once with a clear message', async () => {
    const { el, errors, recoveries, stop } = await mount('/test/fixtures/streams/unsupported/hevc.m3u8');
    try {
      await until(() => el.error, 'a fatal error', 10_000);
      await el.updateComplete;
      expect(errors.filter((e) => e.fatal)).to.have.length(1);
      expect(el.error!.code).to.equal('MEDIA_UNSUPPORTED');
      expect(el.error!.message).to.match(/^This browser cannot play the video's format \(.*hvc1\.2\.4\.L153\.B0.*\)\. Offer a rendition it supports/);
      expect(shadowText(el, '[part="error"]')).to.contain('This browser cannot play the video');
      expect(recoveries.count, 'recoverMediaError calls').to.equal(0);
      expect(liveHlsInstances.size).to.equal(0);
    } finally {
      stop();
    }
  });

  it('segments that never decode: two recoveries at most, then one fatal MEDIA_DECODE', async () => {
    const { el, errors, recoveries, stop } = await mount('/test/fixtures/streams/unsupported/junk.m3u8');
    try {
      await until(() => el.error, 'a fatal error', 10_000);
      expect(errors.filter((e) => e.fatal)).to.have.length(1);
      expect(el.error!.code).to.equal('MEDIA_DECODE');
      expect(el.error!.message).to.match(/^This browser could not decode the video \(fragParsingError\)/);
      expect(recoveries.count, 'recoverMediaError calls').to.be.at.most(2);
    } finally {
      stop();
    }
  });
});

describe('recurring media errors', () => {
  failOnUncaught();

  it('a media error that keeps coming back while playback makes no progress is fatal on the third, however far apart', async () => {
    const el = document.createElement('shoppable-video');
    el.muted = true;
    const errors = recordErrors(el);
    el.src = '/test/fixtures/streams/fmp4/master.m3u8';
    await fixture<ShoppableVideoElement>(el);
    await el.play();
    await until(() => el.currentTime > 0.2, 'playback');
    el.pause();
    const [hls] = [...liveHlsInstances];
    // Errors a minute apart (the clock is moved, not waited for).
    const now = performance.now.bind(performance);
    let offset = 0;
    performance.now = () => now() + offset;
    try {
      for (let i = 0; i < 3; i++) {
        offset += 60_000;
        hls!.trigger('hlsError' as never, { type: 'mediaError', details: 'bufferAppendError', fatal: true, error: new Error('test: decoder failed') } as never);
      }
    } finally {
      performance.now = now;
    }
    await until(() => el.error, 'a fatal error');
    expect(errors.filter((e) => e.fatal).map((e) => e.code)).to.deep.equal(['MEDIA_DECODE']);
  });
});
