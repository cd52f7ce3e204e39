import type { Payload } from 'payload'
import { checkedOutClients } from './checkedOutClients'
import { postgresAdapterOf } from './postgresAdapterOf'

/**
 * Shuts Payload down and ends its connection pool (Payload's own destroy leaves the pool open).
 * `pinned`: clients to give back first, destroying them, if they are still checked out — the one
 * Payload's adapter checks out in `connect()` to watch for resets and never releases (taken with
 * `checkedOutClients` right after start, when it is the only one). Without that a process that
 * starts and stops many apps (a test worker) would keep one connection per app. Any other client
 * still checked out is not waited for longer than `graceMs`, and errors from connections the server
 * closes afterwards (the embedded server stopping) are ignored.
 */
export const closePayload = async (payload: Payload, graceMs = 2000, pinned?: Set<unknown>): Promise<void> => {
  const pool = postgresAdapterOf(payload).pool
  pool?.on('error', () => undefined)
  await payload.destroy()
  if (!pool) return
  const stillOut = checkedOutClients(payload)
  for (const client of pinned ?? []) {
    const release: unknown = client && typeof client === 'object' ? Reflect.get(client, 'release') : null
    if (stillOut.has(client) && typeof release === 'function') release.call(client, true)
  }
  await Promise.race([
    pool.end().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
  ])
}
