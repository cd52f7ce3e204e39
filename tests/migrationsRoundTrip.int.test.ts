/**
 * The committed migrations go down as well as up: a copy of the migrated template is rolled back to
 * nothing with `payload migrate:down` (every migration's `down`, newest first) and migrated up again.
 * Payload generates each `down` from its own branch's snapshot, so two migrations made in parallel,
 * hand-written partial indexes and CHECKs over enum columns, and tables dropped with CASCADE before
 * their constraints are what breaks it; the failure names the migration.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { withDatabase } from '@/core/testing/migrateTemplate'

const serverUrl = inject('pgServerUrl')
const template = inject('pgTemplate')
const database = `atrium_t_${template.replace('atrium_tpl_', '')}_rt_${randomBytes(3).toString('hex')}`
const databaseUrl = withDatabase(serverUrl, database)

const admin = async <T>(work: (client: pg.Client) => Promise<T>, on = 'postgres'): Promise<T> => {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, on) })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Runs a repo script (tsx, development conditions) against the copy; resolves with its exit code and output. */
const run = (args: string[]) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=development', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl },
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => resolve({ code: code ?? 1, output }))
  })

const publicTables = () =>
  admin(async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'payload_migrations'`,
    )
    return rows[0].n
  }, database)

afterAll(async () => {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`))
})

describe('migrations round trip', () => {
  it('rolls every migration back to an empty schema and migrates up again', { timeout: 600_000 }, async () => {
    await admin((client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`))
    const tablesAtHead = await publicTables()
    expect(tablesAtHead).toBeGreaterThan(50)

    const down = await run(['scripts/payload.ts', 'migrate:down'])
    const failed = /Error migrating down (\S+)/.exec(down.output)?.[1]
    expect(failed, `migration ${failed}'s down failed:\n${down.output.slice(-4000)}`).toBeUndefined()
    expect(down.code).toBe(0)
    expect(await publicTables(), `migrate:down left tables behind:\n${down.output.slice(-2000)}`).toBe(0)

    const up = await run(['scripts/migrate.ts'])
    expect(up.code, up.output.slice(-4000)).toBe(0)
    expect(await publicTables()).toBe(tablesAtHead)
  })
})
