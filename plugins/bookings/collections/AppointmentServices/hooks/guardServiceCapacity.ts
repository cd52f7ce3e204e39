import type { CollectionBeforeChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { localWhen } from '../../../operations/format/guestConfirmationMessage'

/**
 * A service's capacity (places per slot) cannot drop below the places already booked in any of its
 * future slots: 409 `capacity_below_booked` naming the first such slot. Checked under the service
 * row lock (`FOR NO KEY UPDATE`, the lock the update takes anyway); bookings hold the row `FOR SHARE`
 * from the moment they read the capacity until commit, so no booking can slip in between.
 */
export const guardServiceCapacity: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || typeof data.capacity !== 'number') return data
  if (data.capacity >= Number(originalDoc.capacity ?? 1)) return data
  await runSql(req, sql`SELECT id FROM appointment_services WHERE id = ${originalDoc.id} FOR NO KEY UPDATE`)
  const [slot] = await runSql<{ start_time: string; timezone: string | null; places: number }>(
    req,
    sql`SELECT start_time, min(timezone) AS timezone, count(*)::int AS places FROM appointments
        WHERE service_id = ${originalDoc.id} AND status = 'booked' AND start_time > now()
        GROUP BY provider_id, start_time HAVING count(*) > ${data.capacity}
        ORDER BY start_time LIMIT 1`,
  )
  if (slot) {
    const when = localWhen(new Date(slot.start_time), slot.timezone)
    throw new OperationError(
      409,
      'capacity_below_booked',
      `Capacity cannot drop to ${data.capacity}: the slot on ${when} already has ${slot.places} places booked. Cancel places there first.`,
    )
  }
  return data
}
