import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ShoppableVideoElement } from '../../src/elements/shoppable-video.component.js';
import { Prefetcher, pickVariant, segmentAt } from '../../src/player/prefetch.js';
import { STREAMS, firstFrame } from '../helpers.js';

const entries = (re: RegExp) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => re.test(e.name));

describe('start-up prefetch', () => {
  it('requests the playlists and first segments while hls.js downloads, and hls.js reuses them', async () => {
    const el = await fixture<ShoppableVideoElement>(html`<shoppable-video src=${STREAMS.fmp4} muted></shoppable-video>`);
    await el.play();
    await firstFrame(el.media!);
    const hlsChunk = entries(/\/hls\.js\//)[0]!;
    const master = entries(/fmp4\/master\.m3u8$/);
    expect(master, 'master playlist requested once').to.have.length(1);
    expect(master[0]!.startTime, 'master requested before hls.js finished loading').to.be.below(hlsChunk.responseEnd);
    // The first listed variant (144p), its audio rendition, init and first segments: each fetched once.
    for (const file of ['144p.m3u8', 'audio.m3u8', '144p_init.mp4', '144p_seg0.m4s', 'audio_init.mp4', 'audio_seg0.m4s']) {
      expect(entries(new RegExp(`fmp4/${file.replace('.', '\\.')}$`)), file).to.have.length(1);
    }
    expect(el.renditions[0]!.height).to.equal(144);
  });

  it('hands hls.js a VOD playlist it prefetched, never a live one (it would start behind the live edge)', async () => {
    const blob = (text: string) => URL.createObjectURL(new Blob([text], { type: 'application/vnd.apple.mpegurl' }));
    const media = (end: boolean) => blob(`#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:40\n#EXTINF:2,\n${blob('x')}\n${end ? '#EXT-X-ENDLIST\n' : ''}`);
    for (const end of [true, false]) {
      // A media playlist as the source: `ready` resolves once it has been read.
      const url = media(end);
      const p = new Prefetcher(url);
      await p.ready;
      expect(p.take(url) !== null, end ? 'a VOD playlist is handed over' : 'a live one is fetched afresh').to.equal(end);
      p.dispose();
    }
  });

  it('picks the first listed playable variant and maps it to hls.js’s bitrate order', () => {
    const master = [
      '#EXTM3U',
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",NAME="x",DEFAULT=NO,URI="alt.m3u8"',
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",NAME="y",DEFAULT=YES,URI="main.m3u8"',
      '#EXT-X-STREAM-INF:BANDWIDTH=900000,CODECS="avc1.4d401e,mp4a.40.2",AUDIO="a"',
      'hi/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=300000,CODECS="avc1.4d400c,mp4a.40.2",AUDIO="a"',
      'lo/index.m3u8',
    ].join('\n');
    expect(pickVariant(master, 'https://cdn.test/show/master.m3u8')).to.deep.equal({
      url: 'https://cdn.test/show/hi/index.m3u8',
      audioUrl: 'https://cdn.test/show/main.m3u8',
      sortedIndex: 1,
    });
  });

  it('finds the segment covering the start time, with its init segment, and skips byte ranges', () => {
    const media = '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:2,\na.m4s\n#EXTINF:2,\nb.m4s\n#EXT-X-ENDLIST\n';
    expect(segmentAt(media, 'https://cdn.test/v/p.m3u8', 0)).to.deep.equal({ url: 'https://cdn.test/v/a.m4s', init: 'https://cdn.test/v/init.mp4' });
    expect(segmentAt(media, 'https://cdn.test/v/p.m3u8', 3)!.url).to.equal('https://cdn.test/v/b.m4s');
    expect(segmentAt(media, 'https://cdn.test/v/p.m3u8', 9)).to.equal(null);
    expect(segmentAt('#EXTM3U\n#EXTINF:2,\n#EXT-X-BYTERANGE:100@0\nall.ts\n', 'https://cdn.test/p.m3u8', 0)).to.equal(null);
  });
});
