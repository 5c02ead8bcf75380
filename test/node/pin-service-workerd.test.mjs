// The same pin service in Cloudflare's runtime (workerd, through miniflare), with pins in a
// Durable Object: the Worker module shipped in dist/live/service/cloudflare.js, bundled as
// wrangler would bundle it. Runs against the build (npm run build first).
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { pinServiceSuite, TOKEN } from './_pin-service-suite.mjs';

const bundle = await build({
  entryPoints: [new URL('../../dist/live/service/cloudflare.js', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  write: false,
  platform: 'neutral',
  logLevel: 'silent',
});
const script = bundle.outputFiles[0].text;

pinServiceSuite('workerd (miniflare)', async ({ upstream, rateLimit }) => {
  const mf = new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2025-07-01',
    bindings: { UPSTREAM: upstream, PIN_TOKEN: TOKEN, RATE_LIMIT: `${rateLimit.max}/${rateLimit.seconds}` },
    durableObjects: { PINS: 'PinStoreObject' },
    host: '127.0.0.1',
    port: 0,
  });
  const url = await mf.ready;
  return { url: url.href, close: () => mf.dispose() };
});
