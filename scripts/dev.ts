/**
 * `npm run dev`: owns the embedded PostgreSQL (when DATABASE_URL is unset), applies migrations,
 * seeds demo data on first start, then runs `next dev` with jobs running in-process.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { getEnv } from '../src/core/env'
import { ensureDatabase } from './ensureDatabase'
import { migrateDatabase, withPayload } from './migrate'
import { seedDatabase } from './seed'

const env = getEnv()
const db = await ensureDatabase()
const stop = async (code: number) => {
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

const next = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'dev', '-p', String(env.PORT)], {
  stdio: 'inherit',
  env: { ...process.env, JOBS_AUTORUN: process.env.JOBS_AUTORUN ?? 'true', NEXT_TELEMETRY_DISABLED: '1' },
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal))
next.on('exit', (code) => void stop(code ?? 0))
