// Finds the Chromium the tests drive. Playwright cannot download its own browsers on
// machines without internet, so we use a system Chromium (Debian: `apt-get install chromium`).
// Override with CHROMIUM_PATH=/path/to/chrome.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

export function browserHelp() {
  const fromEnv = process.env.CHROMIUM_PATH;
  return [
    fromEnv
      ? `CHROMIUM_PATH is set to "${fromEnv}", but no browser exists there.`
      : 'No Chromium or Chrome was found for the tests.',
    'Install one and try again:',
    '  Debian/Ubuntu:  sudo apt-get install -y chromium',
    '  macOS:          install Google Chrome, or set CHROMIUM_PATH',
    'or point CHROMIUM_PATH at any Chromium/Chrome binary:',
    '  CHROMIUM_PATH=/path/to/chrome npm test',
  ].join('\n');
}
