// A stalled start-up request (the player's own prefetch of the master playlist, the media
// playlist or the first segment) must not leave the player spinning: the prefetch gives up
// and hls.js's own loader, with its timeouts and retries, takes over.
import { expect, fixture } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { failOnUncaught, recordErrors, until } from '../helpers.js';

/** A copy of the committed streams whose first `count` requests for `match` never complete. */
async function stalled(match: string, partial = false, count = 1): Promise<string> {
  const id = `stall${Math.random().toString(36).slice(2, 10)}`;
  await fetch(`/__faults/${id}`, { method: 'POST', body: JSON.stringify({ mode: 'stall', match, count, partial }) });
  return `/faults/${id}`;
}

const requests = (re: RegExp) => performance.getEntriesByType('resource').filter((e) => re.test(e.name)).length;

describe('stalled start-up requests', () => {
  failOnUncaught();

  for (const [what, match, partial] of [
    ['the master playlist (no answer at all)', 'fmp4/master.m3u8', false],
    ['the first media playlist', 'fmp4/144p.m3u8', false],
    ['the first segment (headers, then half the body, then nothing)', 'fmp4/144p_seg0.m4s', true],
  ] as const) {
    it(`${what}: playback starts through hls.js's own request`, async () => {
      const base = await stalled(match, partial);
      const el = document.createElement('shoppable-video');
      el.muted = true;
      const errors = recordErrors(el);
      el.src = `${base}/fmp4/master.m3u8`;
      await fixture<ShoppableVideoElement>(el);
      await el.play();
      await until(() => (el.playing && el.currentTime > 0.5) || el.error, 'playback (or a fatal error)', 18_000);
      expect(el.error, 'no fatal error').to.equal(null);
      expect(errors).to.deep.equal([]);
      // The stalled prefetch (given up) and hls.js's own request.
      expect(requests(new RegExp(`${base}/${match.replace(/\./g, '\\.')}$`)), 'requests for the stalled file').to.equal(2);
    });
  }
});
