// Component tests run in a real Chromium (system binary, see scripts/browser.mjs),
// against real HLS segments and a real local storefront served by this dev server.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChromium, browserHelp, CHROMIUM_ARGS } from './scripts/browser.mjs';
import { testMiddleware } from './test/server/middleware.mjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error(browserHelp());
  process.exit(1);
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  middleware: testMiddleware(),
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
};
