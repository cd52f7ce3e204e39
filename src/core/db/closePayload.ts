import type { Payload } from 'payload'
import { postgresAdapterOf } from './postgresAdapterOf'

/**
 * Shuts Payload down and ends its connection pool (Payload's own destroy leaves the pool open).
 * A client still checked out is not waited for longer than `graceMs`, and errors from connections
 * the server closes afterwards (the embedded server stopping) are ignored.
 */
export const closePayload = async (payload: Payload, graceMs = 2000): Promise<void> => {
  const pool = postgresAdapterOf(payload).pool
  pool?.on('error', () => undefined)
  await payload.destroy()
  if (pool)
    await Promise.race([
      pool.end().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
    ])
}
