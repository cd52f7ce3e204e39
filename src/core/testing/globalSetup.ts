import { spawn } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { freePort, startEmbeddedPostgres } from '../db/startEmbeddedPostgres'

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string
    pgTemplate: string
  }
}

const withDatabase = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

/**
 * Once per run: a PostgreSQL server (DATABASE_URL's, else a throwaway embedded one) and a
 * template database migrated with the committed migrations. Each test file clones the template.
 */
export default async function setup(project: TestProject) {
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
  await admin.query(`CREATE DATABASE "${template}"`)

  const migrate = () =>
    new Promise<number>((resolve) => {
      // --conditions=development: see withPayload in scripts/migrate.ts.
      const child = spawn(
        process.execPath,
        ['node_modules/tsx/dist/cli.mjs', '--conditions=development', 'scripts/migrate.ts'],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
          env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: withDatabase(serverUrl, template) },
        },
      )
      child.on('exit', (c) => resolve(c ?? 1))
    })
  const migrated = async () => {
    const client = new pg.Client({ connectionString: withDatabase(serverUrl, template) })
    await client.connect()
    try {
      const { rows } = await client.query(`SELECT to_regclass('public.tenants') IS NOT NULL AS ready`)
      return rows[0].ready === true
    } finally {
      await client.end()
    }
  }
  for (let attempt = 1; !(await migrated()); attempt++) {
    if (attempt > 3) throw new Error('Migrating the test template database failed')
    if ((await migrate()) !== 0) throw new Error('Migrating the test template database failed (scripts/migrate.ts)')
  }
  console.log(`[atrium] test database ready in ${((Date.now() - started) / 1000).toFixed(1)}s`)

  project.provide('pgServerUrl', serverUrl)
  project.provide('pgTemplate', template)

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [template, `atrium_t_${runId}_%`],
    )
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
    await admin.end()
    await stopServer()
  }
}
