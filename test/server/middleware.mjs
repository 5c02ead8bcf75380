// Koa middleware for the test dev server: fault-injecting stream routes and the local
// storefront. Each piece is a plain Node (req, res) handler so `npm start` can reuse it.
import { streamFaults } from './stream-faults.mjs';
import { liveSim } from './live-sim.mjs';
import { createStorefront } from './storefront/index.mjs';
import { LIVE_SALE, livePins } from '../../demo/handlers.mjs';
import { collector } from './collector.mjs';

/** Adapts a Node handler `(req, res) => boolean | Promise<boolean>` (true = handled) to Koa. */
export function toKoa(handler) {
  return async (ctx, next) => {
    const handled = await handler(ctx.req, ctx.res);
    if (handled) {
      ctx.respond = false;
      return;
    }
    return next();
  };
}

/**
 * The pin service (dist/live/service, built by `npm run build`) under /live-pins/, proxying the
 * committed streams; loaded on its first request so other tests never need the build.
 */
export const PIN_TOKEN = 'test-pin-token-0123456789';
function pinService() {
  let listener;
  return async (req, res) => {
    if (!req.url.startsWith('/live-pins/')) return false;
    listener ??= Promise.all([import('../../dist/live/service/index.js'), import('../../dist/live/service/node.js')]).then(([svc, node]) =>
      node.toNodeListener(
        svc.createPinService({
          upstream: `http://${req.headers.host}/test/fixtures/streams/`,
          token: PIN_TOKEN,
          rateLimit: false,
          console: { scriptUrl: '/src/live/pin-console.define.ts', show: '/docs/examples/show.json' },
        }),
        { prefix: '/live-pins' },
      ),
    );
    return (await listener)(req, res);
  };
}

export function testMiddleware() {
  // The pin services and the beacon collector go before the storefront, which reads the body of
  // every POST. The demo's live sale (/live-sale/, demo/handlers.mjs) is mounted as `npm start` mounts it.
  return [toKoa(collector()), toKoa(streamFaults()), toKoa(pinService()), toKoa(livePins()), toKoa(liveSim(LIVE_SALE.sim)), toKoa(createStorefront())];
}
