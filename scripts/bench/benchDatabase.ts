import { randomBytes } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { withDatabase } from '../../src/core/testing/migrateTemplate'

export type BenchDatabase = {
  database: string
  /** `<database> on <host:port>`, for the log. */
  label: string
  databaseUrl: string
  /** Drops the database and stops the embedded server when there is one. */
  drop: () => Promise<void>
}

const onServer = async (serverUrl: string, statement: string) => {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
  await admin.connect()
  try {
    await admin.query(statement)
  } finally {
    await admin.end()
  }
}

/**
 * A throwaway database for a bench run: on DATABASE_URL's server when given, else on an embedded
 * PostgreSQL started for the run. Points this process at it as production would run (NODE_ENV
 * production, a fresh secret, jobs not run on their own, no login rate limit, its own DATA_DIR).
 */
export const openBenchDatabase = async (prefix: string): Promise<BenchDatabase> => {
  let stopServer = async () => undefined as void
  let serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const { freePort, startEmbeddedPostgres } = await import('../../src/core/db/startEmbeddedPostgres')
    const dir = await mkdtemp(path.join(os.tmpdir(), 'atrium-bench-pg-'))
    const server = await startEmbeddedPostgres({ dir, port: await freePort(), throwaway: true, databases: [] })
    serverUrl = server.url('postgres')
    stopServer = server.stop
  }
  const database = `${prefix}_${randomBytes(4).toString('hex')}`
  await onServer(serverUrl, `CREATE DATABASE "${database}"`)
  const databaseUrl = withDatabase(serverUrl, database)
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'error',
    JOBS_AUTORUN: 'false',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'atrium-bench-data-')),
  })
  const drop = async () => {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    await stopServer()
  }
  return { database, label: `${database} on ${new URL(serverUrl).host}`, databaseUrl, drop }
}
