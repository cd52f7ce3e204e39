import type { Payload } from 'payload'
import { postgresAdapterOf } from './postgresAdapterOf'

/**
 * An idle pooled connection that the server drops (PostgreSQL restarting, a network cut) makes
 * node-postgres emit `error` on the pool, and an `error` event nobody listens to ends the process.
 * This logs it instead: the pool discards the broken client and opens new ones once the server is
 * back, so the app recovers without its own restart.
 */
export const logPoolErrors = (payload: Payload): void => {
  const pool = postgresAdapterOf(payload).pool
  if (!pool || pool.listenerCount('error') > 0) return
  pool.on('error', (error) => payload.logger.warn({ msg: `idle database connection lost: ${error.message}` }))
}
