import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import {
  DESK_ROLES,
  hasRoleIn,
  isPlatformAdmin,
  OperationError,
  runSql,
  tenantMembershipsTable,
  toWallTime,
  type AccessUser,
} from '@/core'
import { bookingPolicy } from './bookingPolicy'
import { loadBooking, type BookingJson } from '../format/bookingJson'
import { loadClass, type ClassRow } from './loadClassForUpdate'
import { bookingsTable } from '../sql/bookingsTable'

export type CancellationTerms = {
  booking: BookingJson
  klass: ClassRow
  lateCancel: boolean
  fee: { amount: number; currency: string } | null
  /** Free late cancels left this month before this one. */
  freeLateCancelsLeft: number
}

/**
 * What cancelling a booking would mean, for the booking's member or desk staff of its tenant:
 * inside the tenant's late-cancel window a confirmed booking becomes late_cancelled and costs the
 * policy's fee once the month's free late cancels are used. With `lock`, the class row and then
 * the booking row are locked (in that order, as every writer does).
 */
export const cancellationTerms = async (
  req: PayloadRequest,
  bookingId: string,
  lock = false,
): Promise<CancellationTerms> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const peek = await loadBooking(req, bookingId)
  const user: AccessUser = req.user
  if (!peek) throw new OperationError(404, 'not_found', 'No such booking.')
  const staff = isPlatformAdmin(user) || hasRoleIn(user, peek.tenant, DESK_ROLES)
  if (!staff) {
    const m = tenantMembershipsTable(req)
    const [mine] = await runSql<{ one: number }>(
      req,
      sql`SELECT 1 AS one FROM ${m} WHERE ${m.id} = ${peek.member} AND ${m.user} = ${user!.id}`,
    )
    if (!mine) throw new OperationError(404, 'not_found', 'No such booking.')
  }
  const klass = (await loadClass(req, peek.class, lock))!
  const booking = lock ? (await loadBooking(req, bookingId, true))! : peek
  const policy = await bookingPolicy(req, klass.tenant)
  const now = new Date()
  const lateCancel =
    booking.status === 'confirmed' && klass.startTime.getTime() - now.getTime() < policy.lateCancelMinutes * 60_000
  let fee: CancellationTerms['fee'] = null
  let freeLateCancelsLeft = 0
  if (lateCancel) {
    const zone = klass.timezone ?? 'UTC'
    const w = toWallTime(now, zone)
    const monthStart = `${w.year}-${String(w.month).padStart(2, '0')}-01`
    const b = bookingsTable(req)
    const [used] = await runSql<{ n: number }>(
      req,
      sql`SELECT count(*)::int AS n FROM ${b}
          WHERE ${b.member} = ${booking.member} AND ${b.status} = 'late_cancelled'
            AND ${b.cancelledAt} >= (${monthStart}::date::timestamp AT TIME ZONE ${zone})`,
    )
    freeLateCancelsLeft = Math.max(0, policy.freeLateCancelsPerMonth - Number(used?.n ?? 0))
    fee = freeLateCancelsLeft > 0 ? null : policy.lateCancelFee
  }
  return { booking, klass, lateCancel, fee, freeLateCancelsLeft }
}
