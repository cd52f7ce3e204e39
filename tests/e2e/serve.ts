/**
 * The app the browser specs run against, started by tests/e2e/globalSetup.ts in a snapshot after
 * `next build`: owns the embedded PostgreSQL, applies migrations, seeds the demo data, then runs
 * `next start` (the production server, as `npm start` does). Stops when its parent, the
 * Playwright runner, is gone, so an interrupted run leaves no server or database behind.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ensureDatabase } from '../../scripts/ensureDatabase'
import { migrateDatabase, withPayload } from '../../scripts/migrate'
import { seedDatabase } from '../../scripts/seed'
import { getEnv } from '../../src/core/env'

const env = getEnv()
const db = await ensureDatabase()
let stopping = false
const stop = async (code: number) => {
  if (stopping) return
  stopping = true
  await db?.stop()
  process.exit(code)
}

try {
  await withPayload(async (payload) => {
    await migrateDatabase(payload)
    await seedDatabase(payload, { ifEmpty: true })
  })
} catch (error) {
  console.error(error)
  await stop(1)
}

const next = spawn(
  process.execPath,
  [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(env.PORT)],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal))
next.on('exit', (code) => void stop(code ?? 0))

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
