import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, runSql } from '@/core'
import { refundCreditsPort } from '@plugins/bookings/contract'
import { loadClass } from './loadClassForUpdate'
import { bookingsTable } from '../sql/bookingsTable'
import { classesTable } from '../sql/classesTable'
import { scheduleChanged } from '../sql/scheduleChanged'

/**
 * The consequences of a cancelled class, in the same transaction: every booking holding a place is
 * cancelled, credits go back through the port, counters reset, `class.cancelled` is emitted.
 */
export const cancelClassBookings = async (
  req: PayloadRequest,
  input: { classId: string; reason: string },
): Promise<number> => {
  const klass = await loadClass(req, input.classId, true)
  if (!klass) return 0
  const b = bookingsTable(req)
  const c = classesTable(req)
  await runSql(
    req,
    sql`UPDATE ${c} SET ${c.status} = 'cancelled', ${c.bookedCount} = 0, ${c.waitlistCount} = 0 WHERE ${c.id} = ${klass.id}`,
  )
  const cancelled = await runSql<{ id: string; member_id: string; payment_method: string | null; status: string }>(
    req,
    sql`WITH hit AS (SELECT ${b.id} AS id, ${b.status} AS status FROM ${b}
                     WHERE ${b.class} = ${klass.id} AND ${b.status} IN ('confirmed', 'waitlisted', 'offered') FOR UPDATE)
        UPDATE ${b} b SET ${b.status} = 'cancelled', ${b.cancelledAt} = now(), ${b.cancellationReason} = 'class_cancelled',
                          ${b.waitlistPosition} = NULL, ${b.offerExpiresAt} = NULL, ${b.updatedAt} = now()
        FROM hit WHERE b.${b.id} = hit.id RETURNING b.${b.id} AS id, b.${b.member} AS member_id, b.${b.paymentMethod} AS payment_method, hit.status`,
  )
  for (const booking of cancelled) {
    if (booking.status === 'confirmed' && booking.payment_method === 'credits') {
      await callPort(req, refundCreditsPort, {
        tenant: klass.tenant,
        member: String(booking.member_id),
        ref: { collection: 'bookings', id: String(booking.id) },
        reason: 'Class cancelled',
      })
    }
    await emit(req, {
      type: 'booking.cancelled',
      tenant: klass.tenant,
      subject: { collection: 'bookings', id: booking.id },
      data: { class: klass.id, member: String(booking.member_id), late: false, fee: null, reason: 'class_cancelled' },
    })
  }
  await emit(req, {
    type: 'class.cancelled',
    tenant: klass.tenant,
    subject: { collection: 'classes', id: klass.id },
    data: { reason: input.reason, bookingsCancelled: cancelled.length },
  })
  await scheduleChanged(req, klass.tenant)
  return cancelled.length
}
