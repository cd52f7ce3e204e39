import type { PayloadRequest } from 'payload'
import { desiredBookings } from './desiredBookings'
import { trackmanClient } from './trackmanClient'
import { noteTrackmanSync, trackmanConnection } from './trackmanConnection'

export type TrackmanSyncOutcome = 'disabled' | 'created' | 'updated' | 'unchanged' | 'deleted' | 'absent'

/**
 * Makes Trackman agree with one reservation as it is now (not as an event described it, so
 * deliveries in any order, twice, converge): a confirmed reservation on a bay with a Trackman bay
 * id is upserted (searched by external id first), anything else — cancelled, declined, requested,
 * moved to a bay without one, gone — is deleted there. Throws on failure (the job retries).
 */
export const syncReservationToTrackman = async (
  req: PayloadRequest,
  input: { tenant: string; reservation: string },
  options: { timeoutMs: number; attempts: number },
): Promise<TrackmanSyncOutcome> => {
  const connection = await trackmanConnection(req, input.tenant)
  if (!connection) return 'disabled'
  const client = trackmanClient({ baseUrl: connection.baseUrl, apiKey: connection.apiKey, ...options })
  const [want] = await desiredBookings(req, input.tenant, { ids: [input.reservation] })
  try {
    const outcome = want
      ? (await client.upsertBooking(want)).outcome
      : (await client.deleteByExternalId(input.reservation)) > 0
        ? 'deleted'
        : 'absent'
    await noteTrackmanSync(req, connection.id, null)
    return outcome
  } catch (error) {
    await noteTrackmanSync(req, connection.id, error instanceof Error ? error.message : String(error))
    throw error
  }
}
