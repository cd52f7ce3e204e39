import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, runSql } from '@/core'
import { refundCreditsPort } from '@plugins/bookings/contract'
import { loadClass } from './loadClassForUpdate'
import { scheduleCache } from './scheduleCache'

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
  await runSql(
    req,
    sql`UPDATE classes SET status = 'cancelled', booked_count = 0, waitlist_count = 0 WHERE id = ${klass.id}`,
  )
  const cancelled = await runSql<{ id: string; member_id: string; payment_method: string | null; status: string }>(
    req,
    sql`WITH hit AS (SELECT id, status FROM bookings WHERE class_id = ${klass.id} AND status IN ('confirmed', 'waitlisted', 'offered') FOR UPDATE)
        UPDATE bookings b SET status = 'cancelled', cancelled_at = now(), cancellation_reason = 'class_cancelled', waitlist_position = NULL, offer_expires_at = NULL, updated_at = now()
        FROM hit WHERE b.id = hit.id RETURNING b.id, b.member_id, b.payment_method, hit.status`,
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
  scheduleCache.invalidate(klass.tenant)
  return cancelled.length
}
