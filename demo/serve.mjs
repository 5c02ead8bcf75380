// `npm start`: serves the demo storefront page, the built player, the sample streams and the
// local storefront API on localhost. Nothing is fetched from the internet.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoHandlers } from './handlers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
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
// Only these folders are served; the rest of the repository is not.
const PUBLIC = [/^demo\//, /^dist\/cdn\//, /^test\/fixtures\/streams\//, /^docs\/examples\//];

async function serveStatic(req, res) {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let rel = normalize(path).replace(/^[/\\]+/, '');
  if (rel === '' || rel === '.') rel = 'demo/index.html';
  if (rel.endsWith('/')) rel += 'index.html';
  if (rel.includes('..') || !PUBLIC.some((re) => re.test(rel))) return false;
  const file = join(ROOT, rel);
  try {
    if (!(await stat(file)).isFile()) return false;
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(await readFile(file));
    return true;
  } catch {
    return false;
  }
}

const handlers = [...(await demoHandlers()), serveStatic];

const server = createServer(async (req, res) => {
  try {
    for (const handle of handlers) if (await handle(req, res)) return;
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  } catch (err) {
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end('Server error');
  }
});

const wanted = Number(process.env.PORT) || 8080;
function listen(port, triesLeft) {
  server.once('error', (err) => {
    if (err.code === 'EADDRINUSE' && triesLeft > 0 && !process.env.PORT) listen(port + 1, triesLeft - 1);
    else {
      console.error(`Could not listen on port ${port}: ${err.message}. Set PORT to a free port.`);
      process.exit(1);
    }
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`shoppable-video demo: http://localhost:${port}/`);
    console.log('Press Ctrl+C to stop.');
  });
}
listen(wanted, 20);
