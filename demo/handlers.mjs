// The request handlers the demo shares with the test server: raw stream files, the live
// simulator, the live sale's pin service, the local storefront (when present) and the analytics
// beacon endpoint (/collect, read by /demo/report.html).
import { streamFaults } from '../test/server/stream-faults.mjs';
import { liveSim } from '../test/server/live-sim.mjs';
import { collector } from '../test/server/collector.mjs';

/**
 * The live sale (demo/live.html, docs/live.md): the simulator's stream `spring` played through
 * a pin service mounted at /live-sale/ (playlists /live-sale/spring/index.m3u8, pin API
 * /live-sale/pins, console /live-sale/console). A development token, printed by `npm start`:
 * not a secret, never use it for a real show.
 */
export const DEMO_PIN_TOKEN = 'demo-pin-token-not-a-secret';
export const LIVE_SALE = {
  service: '/live-sale/',
  src: '/live-sale/spring/index.m3u8',
  show: '/demo/live-show.json',
  // PROGRAM-DATE-TIME from the wall clock, as an encoder writes it: the service stamps a pin
  // with the instant it receives it, and the player maps that through PDT.
  sim: { streams: { spring: { window: 15, pdt: 'wall' } } },
};

/**
 * The pin service (`createPinService`, from the build: `npm start` and `npm test` build first)
 * under /live-sale/, with the simulator of this same server as its upstream. Loaded on its first
 * request, so nothing else needs the build.
 */
export function livePins() {
  let listener;
  return async (req, res) => {
    if (!req.url.startsWith(LIVE_SALE.service)) return false;
    listener ??= Promise.all([import('../dist/live/service/index.js'), import('../dist/live/service/node.js')]).then(([svc, node]) => {
      // The upstream is this server, at the address the request came in on.
      const address = req.socket.localAddress.replace(/^::ffff:(?=\d)/, '');
      const upstream = `http://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort}/live/`;
      return node.toNodeListener(
        svc.createPinService({
          upstream,
          token: DEMO_PIN_TOKEN,
          console: { scriptUrl: '/dist/console/pin-console.js', show: LIVE_SALE.show, src: LIVE_SALE.src },
        }),
        { prefix: LIVE_SALE.service },
      );
    });
    return (await listener)(req, res);
  };
}

export async function demoHandlers() {
  // liveSim: /live/<id>/index.m3u8, controlled at /__live/<id>; livePins before the storefront,
  // which reads the body of every POST.
  const handlers = [streamFaults(), livePins(), liveSim(LIVE_SALE.sim)];
  try {
    const { createStorefront } = await import('../test/server/storefront/index.mjs');
    handlers.push(createStorefront());
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  }
  return [collector(), ...handlers]; // before the storefront, which reads the body of every POST
}
