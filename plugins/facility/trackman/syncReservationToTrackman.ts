import type { PayloadRequest } from 'payload'
import { inTransaction, lockKey, noteIntegrationSync } from '@/core'
import { desiredBookings } from './desiredBookings'
import { trackmanClient } from './trackmanClient'
import { trackmanConnection } from './trackmanConnection'

export type TrackmanSyncOutcome = 'disabled' | 'created' | 'updated' | 'unchanged' | 'deleted' | 'absent'

/** Serialises a tenant's Trackman writes (syncs and the reconcile) until the transaction ends. */
export const trackmanLockKey = (tenant: string) => `facility-trackman:${tenant}`

/**
 * Makes Trackman agree with one reservation as it is now (not as an event described it, so
 * deliveries in any order, twice, converge): a confirmed reservation on a bay with a Trackman bay
 * id is upserted (searched by external id first), anything else — cancelled, declined, requested,
 * moved to a bay without one, gone — is deleted there. Runs under the tenant's Trackman lock, so
 * two syncs of one reservation never both create. Throws on failure (the job retries) after
 * noting it on the connection.
 */
export const syncReservationToTrackman = async (
  req: PayloadRequest,
  input: { tenant: string; reservation: string },
  options: { timeoutMs: number; attempts: number },
): Promise<TrackmanSyncOutcome> => {
  const connection = await trackmanConnection(req, input.tenant)
  if (!connection) return 'disabled'
  const client = trackmanClient({ baseUrl: connection.baseUrl, apiKey: connection.apiKey, ...options })
  try {
    const outcome = await inTransaction(req, async (): Promise<TrackmanSyncOutcome> => {
      await lockKey(req, trackmanLockKey(input.tenant))
      const [want] = await desiredBookings(req, input.tenant, { ids: [input.reservation] })
      if (want) return (await client.upsertBooking(want)).outcome
      return (await client.deleteByExternalId(input.reservation)) > 0 ? 'deleted' : 'absent'
    })
    await noteIntegrationSync(req, connection.id, null)
    return outcome
  } catch (error) {
    await noteIntegrationSync(req, connection.id, error instanceof Error ? error.message : String(error))
    throw error
  }
}
