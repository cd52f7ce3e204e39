import type { Payload } from 'payload'
import { postgresAdapterOf } from './postgresAdapterOf'

/**
 * A connection the server drops (PostgreSQL restarting, a network cut) makes node-postgres emit
 * `error` on the pool (an idle client) or on the client itself (one checked out between two
 * statements of a transaction), and an `error` event nobody listens to ends the process. This logs
 * them instead: the request using the connection fails (503), the pool discards the broken client
 * and opens new ones once the server is back, so the app recovers without its own restart.
 */
export const logPoolErrors = (payload: Payload): void => {
  const pool = postgresAdapterOf(payload).pool
  if (!pool || pool.listenerCount('error') > 0) return
  const log = (error: Error) => payload.logger.warn({ msg: `database connection lost: ${error.message}` })
  pool.on('error', log)
  pool.on('connect', (client) => client.on('error', log))
}
