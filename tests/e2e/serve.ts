/**
 * The app the browser specs run against, started by tests/e2e/globalSetup.ts in a snapshot: owns
 * the embedded PostgreSQL, applies migrations and seeds the demo data while `next build` runs beside
 * it, then, once the build has finished (E2E_BUILD_DONE names the file globalSetup writes then), runs
 * `next start` (the production server, as `npm start` does). Stops when its parent, the Playwright
 * runner, is gone, so an interrupted run leaves no server or database behind.
 */
import { existsSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { serveNext } from '../../scripts/serveNext'

const buildDone = process.env.E2E_BUILD_DONE
const parent = Number(process.env.E2E_PARENT_PID)

const parentGone = () => {
  if (!parent) return false
  try {
    process.kill(parent, 0)
    return false
  } catch {
    return true
  }
}

const waitForBuild = async () => {
  if (!buildDone || existsSync(buildDone)) return
  console.log('[serve] database ready; waiting for the build')
  while (!existsSync(buildDone)) {
    if (parentGone()) throw new Error('the test runner is gone')
    await sleep(500)
  }
}

const next = await serveNext('start', { seed: true, env: { NODE_ENV: 'production' }, beforeNext: waitForBuild })

setInterval(() => {
  if (parentGone()) next.kill('SIGTERM')
}, 2_000).unref()
