import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, OperationError, runSql } from '@/core'
import { refundCreditsPort } from '@plugins/bookings/contract'
import { bookingColumns, toBookingJson, type BookingJson, type BookingRow } from '../format/bookingJson'
import { bookingPolicy } from './bookingPolicy'
import { cancellationTerms } from './cancellationTerms'
import { offerFreedPlaces } from './offerFreedPlaces'
import { promoteFromWaitlist } from './promoteFromWaitlist'
import { bookingsTable } from '../sql/bookingsTable'
import { classesTable } from '../sql/classesTable'
import { scheduleChanged } from '../sql/scheduleChanged'

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
  const b = bookingsTable(req)
  const c = classesTable(req)
  const [row] = await runSql<BookingRow>(
    req,
    sql`UPDATE ${b} SET ${b.status} = ${status}, ${b.cancelledAt} = now(), ${b.cancellationReason} = ${input.reason ?? null},
                        ${b.waitlistPosition} = NULL, ${b.offerExpiresAt} = NULL, ${b.lateCancelFeeAmount} = ${fee?.amount ?? null},
                        ${b.lateCancelFeeCurrency} = ${fee?.currency ?? null}, ${b.updatedAt} = now()
        WHERE ${b.id} = ${booking.id} AND ${b.status} IN ('confirmed', 'waitlisted', 'offered') RETURNING ${bookingColumns(b)}`,
  )
  if (!row) throw new OperationError(409, 'not_cancellable', 'This booking was already cancelled.')
  let promoted: string[] = []
  if (booking.status === 'waitlisted') {
    await runSql(
      req,
      sql`UPDATE ${b} SET ${b.waitlistPosition} = ${b.waitlistPosition} - 1
          WHERE ${b.class} = ${klass.id} AND ${b.status} = 'waitlisted' AND ${b.waitlistPosition} > ${booking.waitlistPosition}`,
    )
    await runSql(req, sql`UPDATE ${c} SET ${c.waitlistCount} = ${c.waitlistCount} - 1 WHERE ${c.id} = ${klass.id}`)
  } else {
    await runSql(req, sql`UPDATE ${c} SET ${c.bookedCount} = ${c.bookedCount} - 1 WHERE ${c.id} = ${klass.id}`)
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
  await scheduleChanged(req, klass.tenant)
  return { booking: toBookingJson(row), lateCancel, fee, promoted }
}
