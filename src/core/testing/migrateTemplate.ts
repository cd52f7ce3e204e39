import { spawn } from 'node:child_process'
import pg from 'pg'

export const withDatabase = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

/**
 * Creates database `template` on the PostgreSQL server at `serverUrl` and applies the committed
 * migrations to it (scripts/migrate.ts in a child process); test databases are cloned from it.
 */
export const migrateTemplate = async (serverUrl: string, template: string): Promise<void> => {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${template}"`)
  } finally {
    await admin.end()
  }
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
}
