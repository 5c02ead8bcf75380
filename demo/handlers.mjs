// The request handlers the demo shares with the test server: raw stream files, the local
// storefront (when present) and the analytics beacon endpoint (/collect, read by /demo/report.html).
import { streamFaults } from '../test/server/stream-faults.mjs';
import { liveSim } from '../test/server/live-sim.mjs';
import { collector } from '../test/server/collector.mjs';

export async function demoHandlers() {
  const handlers = [streamFaults(), liveSim()]; // liveSim: /live/<id>/index.m3u8, controlled at /__live/<id>
  try {
    const { createStorefront } = await import('../test/server/storefront/index.mjs');
    handlers.unshift(createStorefront());
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  }
  return [collector(), ...handlers]; // before the storefront, which reads the body of every POST
}
