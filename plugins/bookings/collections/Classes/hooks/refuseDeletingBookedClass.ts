import type { CollectionBeforeDeleteHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { bookingsTable } from '../../../operations/sql/bookingsTable'

/** A class with bookings is cancelled, never deleted (its bookings and refunds must stay traceable). */
export const refuseDeletingBookedClass: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const b = bookingsTable(req)
  const [booked] = await runSql<{ one: number }>(req, sql`SELECT 1 AS one FROM ${b} WHERE ${b.class} = ${id} LIMIT 1`)
  if (booked)
    throw new OperationError(409, 'class_has_bookings', 'This class has bookings: cancel it instead of deleting it.')
}
