// The request handlers the demo shares with the test server: raw stream files and the local
// storefront (when present).
import { streamFaults } from '../test/server/stream-faults.mjs';

export async function demoHandlers() {
  const handlers = [streamFaults()];
  try {
    const { createStorefront } = await import('../test/server/storefront/index.mjs');
    handlers.unshift(createStorefront());
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  }
  return handlers;
}
