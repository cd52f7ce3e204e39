/**
 * What `npm run dev`, `npm start` and the browser specs' server share: the database (the embedded
 * PostgreSQL when DATABASE_URL is unset), the committed migrations applied, the demo data seeded on
 * first start when asked, then `next <command>` on PORT. Signals go to Next; when Next exits, the
 * database stops and so does this process (also when preparing the database fails).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { getEnv } from '../src/core/env'
import { ensureDatabase } from './ensureDatabase'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '../src/core/db/sqlFor'
import { migrateDatabase, withPayload } from './migrate'
import { DATABASE_IDENTITY_SQL, forgetNextCachesOfOtherDatabase } from './nextCaches'
import { seedDatabase } from './seed'

export const serveNext = async (
  command: 'dev' | 'start',
  options: {
    seed: boolean
    env: Record<string, string>
    /** Awaited after the database is ready and before Next starts (the browser specs wait for their build). */
    beforeNext?: () => Promise<void>
  },
): Promise<ChildProcess> => {
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
    const identity = await withPayload(async (payload) => {
      await migrateDatabase(payload)
      if (options.seed) await seedDatabase(payload, { ifEmpty: true })
      const [row] = await runSql<{ identity: string }>(
        { payload, transactionID: undefined },
        sql.raw(DATABASE_IDENTITY_SQL),
      )
      return row.identity
    })
    await options.beforeNext?.()
    // Once the build is finished (the browser specs build beside the seed): never under a build.
    await forgetNextCachesOfOtherDatabase(identity)
  } catch (error) {
    console.error(error)
    await stop(1)
  }

  const next = spawn(
    process.execPath,
    [path.resolve('node_modules/next/dist/bin/next'), command, '-p', String(env.PORT)],
    { stdio: 'inherit', env: { ...process.env, ...options.env } },
  )
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal))
  next.on('exit', (code) => void stop(code ?? 0))
  return next
}
