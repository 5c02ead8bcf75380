// A small static file handler: serves only paths matching `allowed` (relative to the repo).
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt',
};

/**
 * @param {RegExp[]} allowed  repo-relative path patterns that may be served
 * @param {string} index      the file served for "/"
 */
export function staticFiles(allowed, index) {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let rel = normalize(path).replace(/^[/\\]+/, '');
    if (rel === '' || rel === '.') rel = index;
    if (rel.endsWith('/')) rel += 'index.html';
    if (rel.split(/[/\\]/).includes('..') || !allowed.some((re) => re.test(rel))) return false;
    const file = join(ROOT, rel);
    try {
      if (!(await stat(file)).isFile()) return false;
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' };
      // Compress text like any production web server or CDN would.
      if (/javascript|json|html|css|svg|mpegurl|vtt/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 6 });
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    } catch {
      return false;
    }
  };
}

/** Starts an HTTP server on 127.0.0.1 trying `port`, then the next ports unless PORT is fixed. */
export async function listen(server, port, fixed = false) {
  for (let p = port; p < port + 20; p++) {
    const ok = await new Promise((resolve, reject) => {
      server.once('error', (err) => (err.code === 'EADDRINUSE' && !fixed ? resolve(false) : reject(err)));
      server.listen(p, '127.0.0.1', () => resolve(true));
    });
    if (ok) return p;
  }
  throw new Error(`No free port from ${port} to ${port + 19}: set PORT to a free port.`);
}
