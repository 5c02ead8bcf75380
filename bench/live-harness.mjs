// What the live benchmarks share: the local live simulator and the built script-tag bundle on
// one local server, and a Chromium to play them. Needs `npm run build`.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS, browserHelp } from '../scripts/browser.mjs';
import { listen, staticFiles } from '../demo/static.mjs';
import { liveSim } from '../test/server/live-sim.mjs';

/** Starts the server on `port` (or the next free one) and a browser (`extraArgs` added to the usual flags). */
export async function openLiveBench(port, extraArgs = []) {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(browserHelp());
    process.exit(1);
  }
  const handlers = [liveSim(), staticFiles([/^bench\/pages\//, /^dist\/cdn\//], 'bench/pages/live.html')];
  const server = createServer(async (req, res) => {
    for (const h of handlers) if (await h(req, res)) return;
    res.writeHead(404).end();
  });
  const origin = `http://127.0.0.1:${await listen(server, port)}`;
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] });
  return { server, origin, browser };
}
