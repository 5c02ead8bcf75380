// Koa middleware for the test dev server: fault-injecting stream routes and the local
// storefront. Each piece is a plain Node (req, res) handler so `npm start` can reuse it.
import { streamFaults } from './stream-faults.mjs';
import { liveSim } from './live-sim.mjs';
import { createStorefront } from './storefront/index.mjs';

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

export function testMiddleware() {
  return [toKoa(streamFaults()), toKoa(liveSim()), toKoa(createStorefront())];
}
