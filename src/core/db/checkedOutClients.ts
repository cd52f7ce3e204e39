import type { Payload } from 'payload'
import { postgresAdapterOf } from './postgresAdapterOf'

type Pool = NonNullable<ReturnType<typeof postgresAdapterOf>['pool']>

/**
 * The clients of Payload's pool that are checked out at this moment. Reads pg-pool's private
 * `_clients` and `_idle` lists (pg-pool 3.x; an upgrade that moves them makes this an empty set,
 * and `closePayload` then only waits its grace period, as before).
 */
export const checkedOutClients = (payload: Payload): Set<unknown> => {
  const pool: Pool | undefined = postgresAdapterOf(payload).pool
  const clients: unknown = pool ? Reflect.get(pool, '_clients') : undefined
  const idle: unknown = pool ? Reflect.get(pool, '_idle') : undefined
  if (!Array.isArray(clients) || !Array.isArray(idle)) return new Set()
  const idleClients = new Set(
    idle.map((item: unknown) => (item && typeof item === 'object' ? Reflect.get(item, 'client') : null)),
  )
  return new Set(clients.filter((client: unknown) => !idleClients.has(client)))
}
