/**
 * Browser specs (`tests/e2e/*.e2e.ts`) under @playwright/test, against a production build of a
 * snapshot of the working tree (see tests/e2e/globalSetup.ts). Run with `npm run test:e2e`
 * (scripts/e2e.ts maps E2E_SPECS to --grep) or `npx playwright test [args]`.
 *
 * Projects, by what the specs share:
 * - `main`: specs that create their own classes, events and members; they run in parallel.
 * - `a11y`: the accessibility walk over every page of every demo tenant (read-only); in parallel.
 * - `shared`: specs tagged `@shared` change a demo tenant's settings for everyone (claim window,
 *   public guest booking) or make a demo member of one tenant join another (which the staff lists
 *   and member lookups of `main` would see). They run one at a time after `main`.
 *
 * Env: E2E_WORKERS (default 2), E2E_RETRIES (default 1), CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { defineConfig } from '@playwright/test'

const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.e2e.ts',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/globalSetup.ts',
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: Number(process.env.E2E_RETRIES ?? 1),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['./tests/e2e/summaryReporter.ts']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    viewport: { width: 1400, height: 900 },
    actionTimeout: 60_000,
    navigationTimeout: 120_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'main', grepInvert: /@shared/, testIgnore: 'a11y.e2e.ts' },
    { name: 'a11y', testMatch: 'a11y.e2e.ts' },
    { name: 'shared', grep: /@shared/, workers: 1, dependencies: ['main'] },
  ],
})
