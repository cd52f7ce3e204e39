import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, OperationError, runSql } from '@/core'
import { refundCreditsPort } from '@plugins/bookings/contract'
import { BOOKING_COLUMNS, toBookingJson, type BookingJson } from './bookingJson'
import { bookingPolicy } from './bookingPolicy'
import { cancellationTerms } from './cancellationTerms'
import { offerFreedPlaces } from './offerFreedPlaces'
import { promoteFromWaitlist } from './promoteFromWaitlist'
import { scheduleCache } from './scheduleCache'

export type CancelBookingResult = {
  booking: BookingJson
  lateCancel: boolean
  fee: { amount: number; currency: string } | null
  promoted: string[]
}

/**
 * Cancels a booking under the class row lock: a late cancel is recorded as late_cancelled with the
 * policy's fee and forfeits credits; an early one refunds credits. A freed place is offered to the
 * waitlist in the same transaction (promoted directly, or offered for the tenant's claim window);
 * cancelling an offered booking declines the offer. A left waitlist spot closes the gap in positions.
 */
export const cancelBooking = async (
  req: PayloadRequest,
  input: { bookingId: string; reason?: string },
): Promise<CancelBookingResult> => {
  const terms = await cancellationTerms(req, input.bookingId, true)
  const { booking, klass, lateCancel, fee } = terms
  if (!['confirmed', 'waitlisted', 'offered'].includes(booking.status)) {
    throw new OperationError(
      409,
      'not_cancellable',
      `This booking is ${booking.status.replace('_', ' ')} and cannot be cancelled.`,
    )
  }
  if (klass.startTime <= new Date())
    throw new OperationError(409, 'class_started', 'The class has started; ask the desk.')
  const status = lateCancel ? 'late_cancelled' : 'cancelled'
  const [row] = await runSql(
    req,
    sql`UPDATE bookings SET status = ${status}, cancelled_at = now(), cancellation_reason = ${input.reason ?? null},
                            waitlist_position = NULL, offer_expires_at = NULL, late_cancel_fee_amount = ${fee?.amount ?? null}, late_cancel_fee_currency = ${fee?.currency ?? null},
                            updated_at = now()
        WHERE id = ${booking.id} AND status IN ('confirmed', 'waitlisted', 'offered') RETURNING ${BOOKING_COLUMNS}`,
  )
  if (!row) throw new OperationError(409, 'not_cancellable', 'This booking was already cancelled.')
  let promoted: string[] = []
  if (booking.status === 'waitlisted') {
    await runSql(
      req,
      sql`UPDATE bookings SET waitlist_position = waitlist_position - 1 WHERE class_id = ${klass.id} AND status = 'waitlisted' AND waitlist_position > ${booking.waitlistPosition}`,
    )
    await runSql(req, sql`UPDATE classes SET waitlist_count = waitlist_count - 1 WHERE id = ${klass.id}`)
  } else {
    await runSql(req, sql`UPDATE classes SET booked_count = booked_count - 1 WHERE id = ${klass.id}`)
    if (booking.status === 'confirmed' && !lateCancel && booking.paymentMethod === 'credits') {
      await callPort(req, refundCreditsPort, {
        tenant: klass.tenant,
        member: booking.member,
        ref: { collection: 'bookings', id: booking.id },
        reason: 'Cancelled in time',
      })
    }
    // Declining an offer or freeing a place: the next in line is promoted, or offered the place for the claim window.
    const { claimWindowMinutes } = await bookingPolicy(req, klass.tenant)
    promoted =
      claimWindowMinutes > 0
        ? await offerFreedPlaces(req, klass, claimWindowMinutes)
        : await promoteFromWaitlist(req, klass)
  }
  await emit(req, {
    type: 'booking.cancelled',
    tenant: klass.tenant,
    subject: { collection: 'bookings', id: booking.id },
    data: { class: klass.id, member: booking.member, late: lateCancel, fee, previousStatus: booking.status },
  })
  scheduleCache.invalidate(klass.tenant)
  return { booking: toBookingJson(row), lateCancel, fee, promoted }
}
