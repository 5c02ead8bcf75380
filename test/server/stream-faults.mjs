// Serves the committed test streams under /faults/<scenario>/... and lets a test switch a
// scenario's behaviour at run time, so one page can see a stream fail and then recover.
//   POST /__faults/<scenario>  body: {"mode": "ok" | "playlist-404" | "segment-404" | "segment-503" | "garbage" | "all-404" | "stall", "after": 1}
//   GET  /faults/<scenario>/<path under test/fixtures/streams>
// It also serves /test/fixtures/streams/ itself, raw: the dev server would otherwise hand
// MPEG-TS segments (.ts) to its TypeScript transform.
// "segment-404" serves the first `after` media segments of each playlist and 404s the rest;
// "segment-503" answers 503 instead (a server error hls.js retries), `times` times per segment
// (default: always).
// "stall" leaves the first `count` requests (per scenario) whose path ends with `match`
// unanswered (with `"partial": true`: headers and half the body, then nothing), as a stalled
// connection does; later requests are served. Stalled responses are dropped after 60 s.
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../fixtures/streams/', import.meta.url));
const TYPES = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt',
};

export function streamFaults() {
  /** @type {Map<string, {mode: string, after: number, match?: string, count?: number, partial?: boolean, times?: number, failed?: Map<string, number>}>} */
  const scenarios = new Map();

  return async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let m = url.pathname.match(/^\/__faults\/([\w-]+)$/);
    if (m && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const { mode = 'ok', after = 1, match = '', count = 1, partial = false, times = Infinity } = JSON.parse(body || '{}');
      scenarios.set(m[1], { mode, after, match, count, partial, times, failed: new Map() });
      res.writeHead(204).end();
      return true;
    }
    m = url.pathname.match(/^\/faults\/([\w-]+)\/(.+)$/) ?? url.pathname.match(/^\/test\/fixtures\/streams\/()(.+)$/);
    if (!m) return false;
    const scenario = (m[1] && scenarios.get(m[1])) || { mode: 'ok', after: 1 };
    const { mode, after } = scenario;
    const rel = normalize(decodeURIComponent(m[2])).replace(/^(\.\.[/\\])+/, '');
    const ext = extname(rel);
    const isPlaylist = ext === '.m3u8';
    const isSegment = ext === '.ts' || ext === '.m4s';
    const send404 = () => (res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'), true);

    if (mode === 'all-404') return send404();
    if (mode === 'playlist-404' && isPlaylist) return send404();
    if (mode === 'garbage' && isPlaylist) {
      res.writeHead(200, { 'content-type': TYPES['.m3u8'], 'cache-control': 'no-store' });
      res.end('<html>this is not a playlist</html>\n\u0000\u0001garbage');
      return true;
    }
    if ((mode === 'segment-404' || mode === 'segment-503') && isSegment) {
      const n = Number((rel.match(/(\d+)\.(?:ts|m4s)$/) ?? [])[1] ?? 0);
      if (n >= after && mode === 'segment-404') return send404();
      const failed = scenario.failed.get(rel) ?? 0;
      if (n >= after && failed < scenario.times) {
        scenario.failed.set(rel, failed + 1);
        res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
        return true;
      }
    }
    const stall = mode === 'stall' && scenario.count > 0 && rel.replaceAll('\\', '/').endsWith(scenario.match);
    if (stall) scenario.count--;
    try {
      const data = await readFile(join(ROOT, rel));
      if (stall) {
        if (scenario.partial) {
          res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store', 'content-length': data.length });
          res.write(data.subarray(0, data.length >> 1));
        }
        setTimeout(() => res.destroy(), 60_000).unref();
        return true;
      }
      res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    } catch {
      send404();
    }
    return true;
  };
}
