/**
 * `npm run migrate`: applies committed migrations in this process (the Payload CLI can exit
 * before it has loaded the config, reporting success without migrating).
 */
import { pathToFileURL } from 'node:url'
import { getPayload, type Payload } from 'payload'
import { closePayload } from '../src/core/db/closePayload'
import { ensureDatabase } from './ensureDatabase'

/**
 * Opens Payload on DATABASE_URL (or the embedded default), runs `fn`, closes it again.
 *
 * Every script that loads the config under plain Node (this one, dev, seed, start, worker, the
 * Payload CLI, the test template) runs with `--conditions=development` (or `production`): Lexical's
 * default Node entry points (`*.node.mjs`) pick their build with a top-level `await import()`, and
 * Node 20 leaves some of those concurrent imports unsettled (about half of all loads of
 * @payloadcms/richtext-lexical here: the process exits 13, or hangs when a child process such as
 * the embedded PostgreSQL keeps it alive). The condition selects the build file directly.
 */
export const withPayload = async <T>(fn: (payload: Payload) => Promise<T>): Promise<T> => {
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config, cron: false })
  try {
    return await fn(payload)
  } finally {
    await closePayload(payload)
  }
}

export const migrateDatabase = (payload: Payload) => payload.db.migrate()

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const db = await ensureDatabase()
  try {
    await withPayload(migrateDatabase)
  } finally {
    await db?.stop()
  }
  process.exit(0)
}
