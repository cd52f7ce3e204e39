import type { Payload } from 'payload'
import { isDatabaseUnavailable } from './isDatabaseUnavailable'
import { postgresAdapterOf } from './postgresAdapterOf'

/**
 * Whether the database answers a trivial query right now. For deciding what a failure means when
 * the cause was swallowed on the way (Payload's auth strategies read an unreachable database as
 * "no user"); false only when it is unavailable.
 */
export const databaseReachable = async (payload: Payload): Promise<boolean> => {
  try {
    await postgresAdapterOf(payload).pool.query('SELECT 1')
    return true
  } catch (error) {
    return !isDatabaseUnavailable(error)
  }
}
