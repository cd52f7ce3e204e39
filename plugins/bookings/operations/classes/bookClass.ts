import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import {
  callPort,
  DESK_ROLES,
  emit,
  hasRoleIn,
  isPlatformAdmin,
  OperationError,
  pgErrorCode,
  runSql,
  type AccessUser,
  type SQL,
} from '@/core'
import { canBookPort, debitCreditsPort, type PaymentMethod } from '@plugins/bookings/contract'
import { bookingPolicy } from './bookingPolicy'
import { bookingColumns, toBookingJson, type BookingJson, type BookingRow } from '../format/bookingJson'
import { loadClass } from './loadClassForUpdate'
import { bookingsTable } from '../sql/bookingsTable'
import { classesTable } from '../sql/classesTable'
import { scheduleChanged } from '../sql/scheduleChanged'

export type BookClassInput = { classId: string; member?: string; attendanceType?: 'in_person' | 'virtual' }

/**
 * Books a place for a member (the signed-in person, or `member` when desk staff book for someone).
 * The lean hot path: one read (class, memberships, the tenant's policy), the guard port, and one
 * statement that takes the place and writes the booking; a full class puts the member on the
 * waitlist (position from the same conditional counter); a full waitlist answers 409.
 * Must run inside the request's transaction.
 */
export const bookClass = async (req: PayloadRequest, input: BookClassInput): Promise<BookingJson> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in to book.')
  const user: AccessUser = req.user
  // One statement: the class, the signed-in person's membership in its tenant, (desk booking) the member named, the tenant's policy.
  const klass = await loadClass(req, input.classId, false, {
    user: req.user.collection === 'users' ? String(req.user.id) : undefined,
    member: input.member,
    policy: true,
  })
  const staff = klass ? isPlatformAdmin(user) || hasRoleIn(user, klass.tenant, DESK_ROLES) : false
  const own = klass?.actorMembership ?? undefined
  if (!klass || (!own && !staff)) throw new OperationError(404, 'not_found', 'No such class.')

  let member = own
  let source: 'member' | 'staff' = 'member'
  if (input.member && input.member !== own) {
    if (!staff) throw new OperationError(403, 'forbidden', 'Only desk staff may book for another member.')
    if (!klass.namedMembership)
      throw new OperationError(404, 'member_not_found', 'No active member with that id in this business.')
    member = klass.namedMembership
    source = 'staff'
  }
  if (!member) throw new OperationError(400, 'member_required', 'Say which member to book for (`member`).')

  const now = new Date()
  if (klass.status === 'cancelled') throw new OperationError(409, 'class_cancelled', 'This class was cancelled.')
  if (klass.status === 'completed' || klass.startTime <= now)
    throw new OperationError(409, 'class_started', 'This class has already started.')
  const policy = klass.policy ?? (await bookingPolicy(req, klass.tenant))
  if (klass.startTime.getTime() > now.getTime() + policy.bookingWindowDays * 86_400_000) {
    throw new OperationError(
      422,
      'outside_booking_window',
      `Booking opens ${policy.bookingWindowDays} days before the class.`,
    )
  }

  const price =
    klass.priceAmount !== null && klass.priceCurrency
      ? { amount: Number(klass.priceAmount), currency: klass.priceCurrency }
      : null
  const guard = await callPort(req, canBookPort, {
    tenant: klass.tenant,
    member,
    target: { collection: 'classes', id: klass.id },
    startTime: klass.startTime.toISOString(),
    price,
    creditCost: klass.creditCost,
  })
  if (!guard.allowed) throw new OperationError(403, guard.code, guard.reason)
  const paymentMethod: PaymentMethod = guard.paymentMethod

  // The place is taken and the booking written by ONE statement: the conditional UPDATE of the
  // class counter feeds the INSERT, so no row appears without its place and no place without its row.
  // A second member booking twice is refused by the partial unique index bookings_one_place_per_member
  // (the whole statement fails, the counter change with it).
  const b = bookingsTable(req)
  const c = classesTable(req)
  const insertFrom = (status: 'confirmed' | 'waitlisted', taken: SQL) => sql`
    WITH taken AS (${taken})
    INSERT INTO ${b} (${b.tenant}, ${b.class}, ${b.member}, ${b.startTime}, ${b.status}, ${b.waitlistPosition}, ${b.waitlistedAt},
                      ${b.attendanceType}, ${b.paymentMethod}, ${b.paymentReference}, ${b.source})
    SELECT tenant, id, ${member}::uuid, start_time, ${status}::${b.$enum.status},
           ${status === 'waitlisted' ? sql`waitlist_count` : sql`NULL::numeric`}, ${status === 'waitlisted' ? sql`clock_timestamp()` : sql`NULL::timestamptz`},
           ${input.attendanceType ?? 'in_person'}::${b.$enum.attendanceType}, ${paymentMethod}::${b.$enum.paymentMethod},
           ${guard.reference ? JSON.stringify(guard.reference) : null}::jsonb, ${source}::${b.$enum.source}
    FROM taken
    RETURNING ${bookingColumns(b)}`
  const write = (query: SQL) =>
    runSql<BookingRow>(req, query, { prepared: true }).catch((error: unknown) => {
      if (pgErrorCode(error) === '23505')
        throw new OperationError(409, 'already_booked', 'This member already holds a place in this class.')
      throw error
    })

  let row: BookingRow | undefined
  for (let attempt = 0; attempt < 3 && !row; attempt++) {
    ;[row] = await write(
      insertFrom(
        'confirmed',
        sql`UPDATE ${c} SET ${c.bookedCount} = ${c.bookedCount} + 1
            WHERE ${c.id} = ${klass.id} AND ${c.status} = 'scheduled' AND ${c.bookedCount} < ${c.capacity}
            RETURNING ${c.id} AS id, ${c.tenant} AS tenant, ${c.startTime} AS start_time`,
      ),
    )
    if (row)
      break
      // Full: a place on the waitlist, its position from the same conditional counter.
    ;[row] = await write(
      insertFrom(
        'waitlisted',
        sql`UPDATE ${c} SET ${c.waitlistCount} = ${c.waitlistCount} + 1
            WHERE ${c.id} = ${klass.id} AND ${c.status} = 'scheduled' AND ${c.bookedCount} >= ${c.capacity} AND ${c.waitlistCount} < ${c.waitlistCapacity}
            RETURNING ${c.id} AS id, ${c.tenant} AS tenant, ${c.startTime} AS start_time, ${c.waitlistCount} AS waitlist_count`,
      ),
    )
    if (row) break
    // Neither: full, or a place freed between the two statements. A plain read sees the latest
    // commit (no lock: refusals must not queue behind each other on the class row).
    const fresh = await loadClass(req, klass.id)
    if (!fresh || fresh.status !== 'scheduled')
      throw new OperationError(409, 'class_cancelled', 'This class is no longer open.')
    if (fresh.bookedCount >= fresh.capacity && fresh.waitlistCount >= fresh.waitlistCapacity) break
  }
  if (!row) throw new OperationError(409, 'class_full', 'This class and its waitlist are full.')
  const booking = toBookingJson(row)
  await scheduleChanged(req, klass.tenant)
  const status = booking.status as 'confirmed' | 'waitlisted'

  if (paymentMethod === 'credits' && status === 'confirmed') {
    const debit = await callPort(req, debitCreditsPort, {
      tenant: klass.tenant,
      member,
      credits: klass.creditCost ?? 1,
      reason: `Booking ${klass.title}`,
      ref: { collection: 'bookings', id: booking.id },
    })
    if (!debit.ok) throw new OperationError(402, debit.code, debit.reason)
  }

  await emit(req, {
    type: status === 'confirmed' ? 'booking.created' : 'booking.waitlisted',
    tenant: klass.tenant,
    subject: { collection: 'bookings', id: booking.id },
    data: {
      class: klass.id,
      member,
      status,
      waitlistPosition: booking.waitlistPosition,
      paymentMethod,
      startTime: booking.startTime,
    },
  })
  return booking
}
