import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const port = Number(process.env.E2E_PORT ?? 4273);
// Debian's headless shell first: the browser Playwright itself runs headless tests in, about twice
// as fast as the full browser's headless mode on two cores (decision 182). The visual baselines
// are drawn by it. Debian's full Chromium, then Playwright's own download, are the fallbacks.
const executablePath =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // Files run in parallel, each file's tests in order (fullyParallel: false): two workers for the
  // two cores of the CI machine. Suites that need their own server state start their own process
  // (e2e/support/playground-process.ts) on an ephemeral port; the shared server's rate limit
  // (600 a minute per client) is far above what the browser suites send together.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  // Visual baselines: one file per screenshot name, no platform suffix, so a fresh clone compares
  // against the committed ones (regenerate with `npx playwright test e2e/visual.spec.ts --update-snapshots=all`).
  snapshotPathTemplate: 'e2e/__screenshots__/{testFilePath}/{arg}{ext}',
  expect: {
    toHaveScreenshot: { maxDiffPixelRatio: 0.01, animations: 'disabled', caret: 'hide' },
  },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Tracing every test costs about a sixth of the e2e run on two cores: CI keeps the error
    // context Playwright writes for a failure; a local run also keeps its trace.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // The real production server, exactly as `npm start` runs it (the build is fresh: `npm test` builds first).
    command: 'node scripts/start.mjs',
    // Port 9 (nothing listens) is allowed so the e2e can see a refused connection; other loopback ports stay refused.
    env: { HOST: '127.0.0.1', PORT: String(port), PROXY_ALLOWED_HOSTS: '127.0.0.1:9' },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 120_000,
  },
});
