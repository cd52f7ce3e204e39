import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { freePort, startEmbeddedPostgres } from '../db/startEmbeddedPostgres'
import { migrateTemplate, withDatabase } from './migrateTemplate'

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string
    pgTemplate: string
  }
}

type Database = { serverUrl: string; template: string; teardown: () => Promise<void> }

/**
 * Once per run: a PostgreSQL server (DATABASE_URL's, else a throwaway embedded one) and a
 * template database migrated with the committed migrations. Each test file clones the template.
 */
const startDatabase = async (): Promise<Database> => {
  const started = Date.now()
  let stopServer = async () => undefined as void
  let serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'atrium-test-pg-'))
    const server = await startEmbeddedPostgres({ dir, port: await freePort(), throwaway: true, databases: [] })
    serverUrl = server.url('postgres')
    stopServer = server.stop
  }
  const runId = `${process.pid}_${Date.now().toString(36)}`
  const template = `atrium_tpl_${runId}`
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
  await admin.connect()
  await migrateTemplate(serverUrl, template)
  console.log(`[atrium] test database ready in ${((Date.now() - started) / 1000).toFixed(1)}s`)
  return {
    serverUrl,
    template,
    teardown: async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
        [template, `atrium_t_${runId}_%`],
      )
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
      await admin.end()
      await stopServer()
    },
  }
}

// Vitest runs the global setup once per test project (vitest.config.mts has two), in its main
// process: the projects share one server and template, torn down when the last project ends.
const run = globalThis as { __atriumTestDatabase?: { database: Promise<Database>; users: number } }

export default async function setup(project: TestProject) {
  const shared = (run.__atriumTestDatabase ??= { database: startDatabase(), users: 0 })
  shared.users += 1
  const { serverUrl, template, teardown } = await shared.database
  project.provide('pgServerUrl', serverUrl)
  project.provide('pgTemplate', template)
  return async () => {
    shared.users -= 1
    if (shared.users > 0) return
    run.__atriumTestDatabase = undefined
    await teardown()
  }
}
