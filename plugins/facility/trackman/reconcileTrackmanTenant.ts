import type { PayloadRequest } from 'payload'
import { inTransaction, lockKey, noteIntegrationSync } from '@/core'
import { desiredBookings } from './desiredBookings'
import { bookingDiffers, trackmanClient, type TrackmanBooking } from './trackmanClient'
import { trackmanLockKey } from './syncReservationToTrackman'
import { trackmanConnection } from './trackmanConnection'

export type ReconcileResult = { checked: number; created: number; updated: number; deleted: number }

/**
 * Repairs drift between a tenant's reservations and Trackman for the next `days` days:
 * bookings Trackman lacks are created, ours it holds for reservations no longer confirmed (or
 * twice) are deleted, and times, bays and aliases that differ are fixed. A remote booking without
 * our external id (made in Trackman itself) is left alone; one of ours whose reservation moved
 * out of the window is updated, not deleted. Runs under the tenant's Trackman lock (syncs wait);
 * running it again changes nothing.
 */
export const reconcileTrackmanTenant = async (
  req: PayloadRequest,
  tenant: string,
  options: { days: number; timeoutMs: number; attempts: number; now?: Date },
): Promise<ReconcileResult | null> => {
  const connection = await trackmanConnection(req, tenant)
  if (!connection) return null
  const client = trackmanClient({ baseUrl: connection.baseUrl, apiKey: connection.apiKey, ...options })
  const from = options.now ?? new Date()
  const to = new Date(from.getTime() + options.days * 86_400_000)
  const result: ReconcileResult = { checked: 0, created: 0, updated: 0, deleted: 0 }
  const repair = async () => {
    const remote = (await client.listBookings(from, to)).filter((b) => b.externalBookingId)
    const wanted = await desiredBookings(req, tenant, {
      from,
      to,
      ids: remote.map((b) => String(b.externalBookingId)),
    })
    const byExternal = new Map<string, TrackmanBooking[]>()
    for (const booking of remote) {
      const list = byExternal.get(String(booking.externalBookingId)) ?? []
      list.push(booking)
      byExternal.set(String(booking.externalBookingId), list)
    }
    for (const want of wanted) {
      result.checked++
      const [found, ...extra] = byExternal.get(want.externalBookingId) ?? []
      byExternal.delete(want.externalBookingId)
      for (const copy of extra) {
        await client.deleteBooking(copy.id)
        result.deleted++
      }
      if (!found) {
        // Outside the listed window Trackman may still hold it: the upsert searches first.
        const { outcome } = await client.upsertBooking(want)
        if (outcome === 'created') result.created++
        else if (outcome === 'updated') result.updated++
      } else if (bookingDiffers(found, want)) {
        await client.updateBooking(found.id, want)
        result.updated++
      }
    }
    for (const orphans of byExternal.values()) {
      for (const orphan of orphans) {
        await client.deleteBooking(orphan.id)
        result.deleted++
      }
    }
  }
  try {
    await inTransaction(req, async () => {
      await lockKey(req, trackmanLockKey(tenant))
      await repair()
    })
    await noteIntegrationSync(req, connection.id, null)
    return result
  } catch (error) {
    await noteIntegrationSync(req, connection.id, error instanceof Error ? error.message : String(error))
    throw error
  }
}
