import type { CollectionAfterChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { cancelClassBookings } from '../../../operations/classes/cancelClassBookings'
import { bookingsTable } from '../../../operations/sql/bookingsTable'

/**
 * When a class becomes cancelled (PATCH or the cancel endpoint) its bookings are cancelled and
 * refunded in the same transaction; when it moves, its bookings' denormalised startTime follows.
 */
export const cancelBookingsOfCancelledClass: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update') return doc
  if (doc.status === 'cancelled' && previousDoc?.status !== 'cancelled') {
    await cancelClassBookings(req, { classId: String(doc.id), reason: doc.cancellationReason ?? 'class_cancelled' })
  } else if (
    previousDoc?.startTime &&
    new Date(doc.startTime).getTime() !== new Date(previousDoc.startTime).getTime()
  ) {
    const b = bookingsTable(req)
    await runSql(
      req,
      sql`UPDATE ${b} SET ${b.startTime} = ${new Date(doc.startTime).toISOString()}::timestamptz
          WHERE ${b.class} = ${doc.id}`,
    )
  }
  return doc
}
