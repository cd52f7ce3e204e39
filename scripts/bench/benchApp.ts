import pg from 'pg'
import { openBenchDatabase } from './benchDatabase'

/**
 * What each plugin's part of the bench starts from: a logger stamped with the seconds since start,
 * a throwaway database (`openBenchDatabase`), the app's Payload migrated onto it, and a small pool
 * with `q` for raw SQL (volume inserts, counts).
 */
export const openBenchApp = async (part: string, prefix: string) => {
  const started = Date.now()
  const log = (line: string) =>
    console.log(`[bench ${part} ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`)
  const database = await openBenchDatabase(prefix)
  log(`database ${database.label}`)
  // Imported once the environment points at the bench database (the config reads it).
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config, cron: false })
  await payload.db.migrate()
  log('migrated')
  const sqlPool = new pg.Pool({ connectionString: database.databaseUrl, max: 4 })
  const q = async <Row = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await sqlPool.query(text, values)).rows as Row[]
  return { ...database, log, payload, sqlPool, q }
}
