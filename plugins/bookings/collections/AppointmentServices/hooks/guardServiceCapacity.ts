import type { CollectionBeforeChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { localWhen } from '../../../operations/format/guestConfirmationMessage'
import { appointmentServicesTable } from '../../../operations/sql/appointmentServicesTable'
import { appointmentsTable } from '../../../operations/sql/appointmentsTable'

/**
 * A service's capacity (places per slot) cannot drop below the places already booked in any of its
 * future slots: 409 `capacity_below_booked` naming the first such slot. Checked under the service
 * row lock (`FOR NO KEY UPDATE`, the lock the update takes anyway); bookings hold the row `FOR SHARE`
 * from the moment they read the capacity until commit, so no booking can slip in between.
 */
export const guardServiceCapacity: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || typeof data.capacity !== 'number') return data
  if (data.capacity >= Number(originalDoc.capacity ?? 1)) return data
  const s = appointmentServicesTable(req)
  const a = appointmentsTable(req)
  await runSql(req, sql`SELECT ${s.id} FROM ${s.$table} WHERE ${s.id} = ${originalDoc.id} FOR NO KEY UPDATE`)
  const [slot] = await runSql<{ start_time: string; timezone: string | null; places: number }>(
    req,
    sql`SELECT ${a.startTime} AS start_time, min(${a.timezone}) AS timezone, count(*)::int AS places FROM ${a.$table}
        WHERE ${a.service} = ${originalDoc.id} AND ${a.status} = 'booked' AND ${a.startTime} > now()
        GROUP BY ${a.provider}, ${a.startTime} HAVING count(*) > ${data.capacity}
        ORDER BY ${a.startTime} LIMIT 1`,
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
