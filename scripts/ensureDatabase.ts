import path from 'node:path'
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../src/core/db/startEmbeddedPostgres'
import { getEnv } from '../src/core/env'

/**
 * DATABASE_URL when given; otherwise the embedded PostgreSQL in DATA_DIR/postgres, started by
 * this process or joined when another process (the dev server) already owns it.
 */
export const ensureDatabase = async (): Promise<EmbeddedPostgresHandle | null> => {
  const env = getEnv()
  if (!env.embeddedDatabase) return null
  const handle = await startEmbeddedPostgres({
    dir: path.join(env.dataDir, 'postgres'),
    port: env.EMBEDDED_PG_PORT,
    log: (line) => console.log(line),
  })
  process.env.DATABASE_URL = handle.url('atrium')
  return handle
}
