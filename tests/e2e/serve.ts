/**
 * The app the browser specs run against, started by tests/e2e/globalSetup.ts in a snapshot after
 * `next build`: owns the embedded PostgreSQL, applies migrations, seeds the demo data, then runs
 * `next start` (the production server, as `npm start` does). Stops when its parent, the
 * Playwright runner, is gone, so an interrupted run leaves no server or database behind.
 */
import { serveNext } from '../../scripts/serveNext'

const next = await serveNext('start', { seed: true, env: { NODE_ENV: 'production' } })

const parent = Number(process.env.E2E_PARENT_PID)
if (parent) {
  setInterval(() => {
    try {
      process.kill(parent, 0)
    } catch {
      next.kill('SIGTERM')
    }
  }, 2_000).unref()
}
