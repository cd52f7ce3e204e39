import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { DESK_ROLES, emit, hasRoleIn, isPlatformAdmin, OperationError, runSql, type AccessUser } from '@/core'
import { bookingPolicy } from './bookingPolicy'
import { bookingColumns, loadBooking, toBookingJson, type BookingJson, type BookingRow } from '../format/bookingJson'
import { loadClass } from './loadClassForUpdate'
import { bookingsTable } from '../sql/bookingsTable'

/** Marks a confirmed booking present (desk staff or instructors of the tenant), inside the check-in window; idempotent. */
export const checkInBooking = async (
  req: PayloadRequest,
  input: { bookingId: string },
): Promise<{ booking: BookingJson; alreadyCheckedIn: boolean }> => {
  const user: AccessUser = req.user
  if (!user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const booking = await loadBooking(req, input.bookingId)
  if (!booking || !(isPlatformAdmin(user) || hasRoleIn(user, booking.tenant, [...DESK_ROLES, 'instructor']))) {
    throw new OperationError(404, 'not_found', 'No such booking.')
  }
  if (booking.status === 'checked_in') return { booking, alreadyCheckedIn: true }
  if (booking.status !== 'confirmed')
    throw new OperationError(
      409,
      'not_confirmed',
      `A ${booking.status.replace('_', ' ')} booking cannot be checked in.`,
    )
  const klass = (await loadClass(req, booking.class))!
  const policy = await bookingPolicy(req, klass.tenant)
  const now = Date.now()
  if (now < klass.startTime.getTime() - policy.checkInWindowMinutes * 60_000 || now > klass.endTime.getTime()) {
    throw new OperationError(
      409,
      'outside_check_in_window',
      `Check-in opens ${policy.checkInWindowMinutes} minutes before the class and closes when it ends.`,
    )
  }
  const b = bookingsTable(req)
  const [row] = await runSql<BookingRow>(
    req,
    sql`UPDATE ${b} SET ${b.status} = 'checked_in', ${b.checkedInAt} = now(), ${b.updatedAt} = now()
        WHERE ${b.id} = ${booking.id} AND ${b.status} = 'confirmed' RETURNING ${bookingColumns(b)}`,
  )
  if (!row) return { booking: (await loadBooking(req, booking.id))!, alreadyCheckedIn: true }
  await emit(req, {
    type: 'booking.checked_in',
    tenant: klass.tenant,
    subject: { collection: 'bookings', id: booking.id },
    data: { class: klass.id, member: booking.member },
  })
  return { booking: toBookingJson(row), alreadyCheckedIn: false }
}
