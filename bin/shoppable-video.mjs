#!/usr/bin/env node
// shoppable-video pins --upstream <url> --token <secret> [--port 8787] [--host 127.0.0.1] [--store pins.json]
//                      [--allow-origin <origin,…>] [--show <manifest url>] [--src <stream url>]
// Runs the pin service (dist/live/service) on node:http: the same fetch handler as on the edge.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HELP = `Usage: shoppable-video pins --upstream <origin url> --token <secret> [options]

  --upstream <url>       the packager's origin (playlists and segments are fetched under it)
  --token <secret>       bearer token for the pin API, 16+ characters (or env PIN_TOKEN)
  --port <n>             port to listen on (default 8787; 0 picks a free one)
  --host <addr>          address to bind (default 127.0.0.1)
  --store <file>         keep pins in this JSON file (default: in memory)
  --allow-origin <list>  comma-separated origins allowed by CORS (default *)
  --show <url>           show manifest for the console's product list
  --src <url>            stream for the console's preview player

Console: http://<host>:<port>/console   Playlists: http://<host>:<port>/<path under upstream>`;

const fail = (message) => {
  console.error(`shoppable-video: ${message}\n\n${HELP}`);
  process.exit(2);
};

const [command, ...rest] = process.argv.slice(2);
if (command === '--help' || command === '-h' || command === undefined) {
  console.log(HELP);
  process.exit(command === undefined ? 2 : 0);
}
if (command !== 'pins') fail(`unknown command "${command}"`);

let args;
try {
  ({ values: args } = parseArgs({
    args: rest,
    options: {
      upstream: { type: 'string' },
      token: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      store: { type: 'string' },
      'allow-origin': { type: 'string' },
      show: { type: 'string' },
      src: { type: 'string' },
    },
  }));
} catch (e) {
  fail(e.message);
}
const token = args.token ?? process.env.PIN_TOKEN;
if (!args.upstream) fail('--upstream is required');
if (!/^https?:\/\//.test(args.upstream)) fail('--upstream must be an http(s) URL');
if (!token || token.length < 16) fail('--token (or PIN_TOKEN) is required and must be at least 16 characters');
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a port number');

const { createPinService, MemoryPinStore } = await import('../dist/live/service/index.js');
const { toNodeListener, FilePinStore } = await import('../dist/live/service/node.js');

const CONSOLE_DIR = fileURLToPath(new URL('../dist/console/', import.meta.url));
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json', '.css': 'text/css' };
const origins = args['allow-origin']?.split(',').map((s) => s.trim()).filter(Boolean);

const handler = createPinService({
  upstream: args.upstream,
  token,
  store: args.store ? new FilePinStore(args.store) : new MemoryPinStore(),
  allowOrigin: origins?.length ? origins : '*',
  console: { show: args.show, src: args.src },
  // The console's script: the built dist/console/ bundle (npm run build).
  assets: async (path) => {
    if (!/^[\w.-]+\.(js|map|css)$/.test(path)) return undefined;
    try {
      const body = await readFile(CONSOLE_DIR + path);
      return new Response(body, { headers: { 'content-type': TYPES[path.slice(path.lastIndexOf('.'))], 'cache-control': 'no-cache' } });
    } catch {
      return undefined;
    }
  },
});
const listener = toNodeListener(handler);
const server = createServer((req, res) => void listener(req, res));
server.on('error', (e) => fail(e.message));
server.listen(port, args.host, () => {
  const { port: actual } = server.address();
  const base = `http://${args.host.includes(':') ? `[${args.host}]` : args.host}:${actual}`;
  console.log(`pin service on ${base}/ → ${args.upstream}  (console: ${base}/console, store: ${args.store ?? 'memory'})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
