import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, canBookPort, debitCreditsPort, DESK_ROLES, emit, hasRoleIn, isPlatformAdmin, OperationError, pgErrorCode, runSql, type AccessUser, type PaymentMethod } from '@/core'
import { actorMembership } from './actorMembership'
import { bookingPolicy } from './bookingPolicy'
import { BOOKING_COLUMNS, toBookingJson, type BookingJson } from './bookingJson'
import { loadClass } from './loadClassForUpdate'

export type BookClassInput = { classId: string; member?: string; attendanceType?: 'in_person' | 'virtual' }

/**
 * Books a place for a member (the signed-in person, or `member` when desk staff book for someone).
 * The place is taken by one conditional UPDATE of the class counters; a full class puts the member
 * on the waitlist (position from the same locked counter); a full waitlist answers 409.
 * Must run inside the request's transaction.
 */
export const bookClass = async (req: PayloadRequest, input: BookClassInput): Promise<BookingJson> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in to book.')
  const user = req.user as AccessUser
  const klass = await loadClass(req, input.classId)
  const staff = klass ? isPlatformAdmin(user) || hasRoleIn(user, klass.tenant, DESK_ROLES) : false
  const own = klass ? await actorMembership(req, klass.tenant) : undefined
  if (!klass || (!own && !staff)) throw new OperationError(404, 'not_found', 'No such class.')

  let member = own
  let source: 'member' | 'staff' = 'member'
  if (input.member && input.member !== own) {
    if (!staff) throw new OperationError(403, 'forbidden', 'Only desk staff may book for another member.')
    const [row] = await runSql<{ id: string }>(
      req,
      sql`SELECT id FROM tenant_memberships WHERE id = ${input.member} AND tenant_id = ${klass.tenant} AND status = 'active'`,
    )
    if (!row) throw new OperationError(404, 'member_not_found', 'No active member with that id in this business.')
    member = String(row.id)
    source = 'staff'
  }
  if (!member) throw new OperationError(400, 'member_required', 'Say which member to book for (`member`).')

  const now = new Date()
  if (klass.status === 'cancelled') throw new OperationError(409, 'class_cancelled', 'This class was cancelled.')
  if (klass.status === 'completed' || klass.startTime <= now) throw new OperationError(409, 'class_started', 'This class has already started.')
  const policy = await bookingPolicy(req, klass.tenant)
  if (klass.startTime.getTime() > now.getTime() + policy.bookingWindowDays * 86_400_000) {
    throw new OperationError(422, 'outside_booking_window', `Booking opens ${policy.bookingWindowDays} days before the class.`)
  }
  const [existing] = await runSql(
    req,
    sql`SELECT id FROM bookings WHERE class_id = ${klass.id} AND member_id = ${member} AND status IN ('confirmed', 'waitlisted', 'checked_in') LIMIT 1`,
  )
  if (existing) throw new OperationError(409, 'already_booked', 'This member already holds a place in this class.')

  const price = klass.priceAmount !== null && klass.priceCurrency ? { amount: Number(klass.priceAmount), currency: klass.priceCurrency } : null
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

  // One conditional statement takes a place; the row lock it holds serialises the waitlist too.
  let status: 'confirmed' | 'waitlisted' | undefined
  let position: number | null = null
  for (let attempt = 0; attempt < 3 && !status; attempt++) {
    const taken = await runSql(
      req,
      sql`UPDATE classes SET booked_count = booked_count + 1
          WHERE id = ${klass.id} AND status = 'scheduled' AND booked_count < capacity RETURNING booked_count`,
    )
    if (taken.length) {
      status = 'confirmed'
      break
    }
    const queued = await runSql<{ waitlist_count: number }>(
      req,
      sql`UPDATE classes SET waitlist_count = waitlist_count + 1
          WHERE id = ${klass.id} AND status = 'scheduled' AND booked_count >= capacity AND waitlist_count < waitlist_capacity
          RETURNING waitlist_count`,
    )
    if (queued.length) {
      status = 'waitlisted'
      position = Number(queued[0].waitlist_count)
      break
    }
    // Neither: full, or a place freed between the two statements; look again under the lock.
    const fresh = await loadClass(req, klass.id, true)
    if (!fresh || fresh.status !== 'scheduled') throw new OperationError(409, 'class_cancelled', 'This class is no longer open.')
    if (fresh.bookedCount >= fresh.capacity && fresh.waitlistCount >= fresh.waitlistCapacity) break
  }
  if (!status) throw new OperationError(409, 'class_full', 'This class and its waitlist are full.')

  // Two concurrent requests for the same member both pass the check above; the unique index
  // bookings_one_place_per_member refuses the second, which keeps the specific answer.
  const [row] = await runSql(
    req,
    sql`INSERT INTO bookings (tenant_id, class_id, member_id, start_time, status, waitlist_position, waitlisted_at,
                              attendance_type, payment_method, payment_reference, source)
        VALUES (${klass.tenant}, ${klass.id}, ${member}, ${klass.startTime.toISOString()}::timestamptz, ${status}, ${position},
                ${status === 'waitlisted' ? sql`clock_timestamp()` : sql`NULL`}, ${input.attendanceType ?? 'in_person'}, ${paymentMethod},
                ${guard.reference ? JSON.stringify(guard.reference) : null}::jsonb, ${source})
        RETURNING ${BOOKING_COLUMNS}`,
  ).catch((error: unknown) => {
    if (pgErrorCode(error) === '23505') throw new OperationError(409, 'already_booked', 'This member already holds a place in this class.')
    throw error
  })
  const booking = toBookingJson(row)

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
    data: { class: klass.id, member, status, waitlistPosition: position, paymentMethod, startTime: booking.startTime },
  })
  return booking
}
