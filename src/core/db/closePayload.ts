import type { Payload } from 'payload'
import { postgresAdapterOf } from './postgresAdapterOf'

type Pool = NonNullable<ReturnType<typeof postgresAdapterOf>['pool']>

/**
 * Gives back the clients still checked out of the pool, destroying them: Payload's adapter checks
 * one out in `connect()` and never releases it, so `pool.end()` alone would wait for it forever and
 * a process that starts and stops many apps (the test workers) would keep one connection per app.
 */
const destroyCheckedOutClients = (pool: Pool) => {
  const clients: unknown = Reflect.get(pool, '_clients')
  const idle: unknown = Reflect.get(pool, '_idle')
  if (!Array.isArray(clients) || !Array.isArray(idle)) return
  const idleClients = new Set(
    idle.map((item: unknown) => (item && typeof item === 'object' ? Reflect.get(item, 'client') : null)),
  )
  for (const client of clients) {
    const release: unknown = client && typeof client === 'object' ? Reflect.get(client, 'release') : null
    if (!idleClients.has(client) && typeof release === 'function') release.call(client, true)
  }
}

/**
 * Shuts Payload down and ends its connection pool (Payload's own destroy leaves the pool open).
 * A client still checked out is destroyed; one the pool does not let go of is not waited for
 * longer than `graceMs`, and errors from connections the server closes afterwards (the embedded
 * server stopping) are ignored.
 */
export const closePayload = async (payload: Payload, graceMs = 2000): Promise<void> => {
  const pool = postgresAdapterOf(payload).pool
  pool?.on('error', () => undefined)
  await payload.destroy()
  if (pool) {
    destroyCheckedOutClients(pool)
    await Promise.race([
      pool.end().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
    ])
  }
}
