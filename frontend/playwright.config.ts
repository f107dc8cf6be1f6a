import { existsSync } from 'node:fs';

import { defineConfig } from '@playwright/test';

// Playwright drives Debian's Chromium (browser downloads are not possible here):
// `python3 dev.py e2e` installs it when missing. CHROMIUM_PATH points elsewhere.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}

export default defineConfig({
  testDir: './e2e',
  // The app's path aliases for every file a test imports, the plugins' catalogs included
  // (they import @coulisses/plugin-ui/catalog, which no node_modules holds).
  tsconfig: './tsconfig.json',
  testMatch: '**/*.spec.ts',
  // One worker: the machine has two cores and the backend runs beside the browser.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous bounds (tests wait on conditions, never on the clock): the suite must pass
  // on a loaded machine.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  // Starts the real backend on a throwaway database (e2e/server.py) unless
  // E2E_BASE_URL points at a running one.
  globalSetup: './e2e/global-setup.ts',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
});
