/**
 * `npm run test:e2e`: the browser specs (`tests/e2e/*.e2e.ts`) under @playwright/test, against a
 * production build of a snapshot of the working tree with its own embedded PostgreSQL and demo
 * data (playwright.config.ts, tests/e2e/globalSetup.ts). Debian chromium, no browser download.
 *
 * Env: E2E_SPECS (substring of test names, passed to --grep), E2E_WORKERS, E2E_RETRIES,
 * CHROMIUM_PATH, E2E_VERBOSE=1 (stream the build's and the app's output); further arguments go
 * to `playwright test` (e.g. `npm run test:e2e -- --headed`). Failures leave a trace and a
 * screenshot in test-results/ (`npx playwright show-trace test-results/<test>/trace.zip`).
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

const repo = path.resolve(import.meta.dirname, '..')
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const args = [path.join(repo, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)]
if (process.env.E2E_SPECS) args.push('--grep', escape(process.env.E2E_SPECS))

const child = spawn(process.execPath, args, { cwd: repo, stdio: 'inherit', env: process.env })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
