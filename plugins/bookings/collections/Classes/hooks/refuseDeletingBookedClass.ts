import type { CollectionBeforeDeleteHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'

/** A class with bookings is cancelled, never deleted (its bookings and refunds must stay traceable). */
export const refuseDeletingBookedClass: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const [booked] = await runSql(req, sql`SELECT 1 FROM bookings WHERE class_id = ${id} LIMIT 1`)
  if (booked)
    throw new OperationError(409, 'class_has_bookings', 'This class has bookings: cancel it instead of deleting it.')
}
