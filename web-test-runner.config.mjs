// Component tests run in a real Chromium (system binary, see scripts/browser.mjs),
// against real HLS segments and a real local storefront served by this dev server.
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChromium, browserHelp, CHROMIUM_ARGS } from './scripts/browser.mjs';
import { testMiddleware } from './test/server/middleware.mjs';
import { reactEsm } from './test/server/react-esm.mjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error(browserHelp());
  process.exit(1);
}

/** Ends the run with one plain line, `browser: N passed, N failed, N skipped`, for CI logs. */
function summaryLine() {
  return {
    onTestRunFinished({ sessions }) {
      const count = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const t of suite?.tests ?? []) count[t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed']++;
        for (const s of suite?.suites ?? []) walk(s);
      };
      for (const session of sessions) {
        walk(session.testResults);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) count.failed++;
      }
      setTimeout(() => console.log(`\nbrowser: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`));
    },
  };
}

export default {
  reporters: [defaultReporter(), summaryLine()],
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 600_000, // the cart soak (test/commerce/soak.test.ts) runs about 3 minutes
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    reactEsm(), // React ships CommonJS only (test/react/)
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  middleware: testMiddleware(),
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
};
