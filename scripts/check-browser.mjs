import { findChromium, browserHelp } from './browser.mjs';

if (!findChromium()) {
  console.error(browserHelp());
  process.exit(1);
}
