import type { postgresAdapter } from '@payloadcms/db-postgres'
import type { Env } from '../env'

type PoolConfig = Parameters<typeof postgresAdapter>[0]['pool']

/**
 * The PostgreSQL pool of the app (and of test apps on their own databases): bounded, and quick to
 * give up while the database is down or stuck (answered 503, see databaseUnavailableHook) rather
 * than leaving requests hanging.
 */
export const poolOptions = (
  env: Pick<Env, 'DB_CONNECT_TIMEOUT_MS' | 'DB_STATEMENT_TIMEOUT_MS'>,
  connectionString: string,
): PoolConfig => ({
  connectionString,
  max: 20,
  connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
  statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
  query_timeout: env.DB_STATEMENT_TIMEOUT_MS + 2000,
  idle_in_transaction_session_timeout: env.DB_STATEMENT_TIMEOUT_MS * 2,
  keepAlive: true,
})
