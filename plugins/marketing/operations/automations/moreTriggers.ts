import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { goalBookingsTable, goalOrdersTable, PAID_STATUSES } from '../../abtest/abTables'

/** The "Nth visit" trigger: fired by `booking.checked_in`; N is the automation's `triggerThreshold`. */
export const MILESTONE_TRIGGER = 'visit.milestone'
/** The abandoned checkout trigger: fired by `order.canceled` with reason `expired` (an unpaid order's hold ran out). */
export const ABANDONED_TRIGGER = 'order.abandoned'
/** The abandoned booking trigger: fired by `booking.offer_expired` (a waitlist place offered and not claimed in time). */
export const ABANDONED_BOOKING_TRIGGER = 'booking.abandoned'

/**
 * This check-in's place among the member's check-ins (bookings in `checked_in`, ordered by
 * check-in time then id), counted in one statement when the event is handled. Each check-in has
 * its own place, so concurrent check-ins (the 10th and the 11th) never both count as the 10th;
 * without the booking (no subject) the member's total. 0 when the booking is no longer checked in.
 */
export const checkInOrdinal = async (req: PayloadRequest, member: string, booking?: string): Promise<number> => {
  const b = goalBookingsTable(req)
  const [row] = await runSql<{ n: number }>(
    req,
    sql`SELECT count(*)::int AS n FROM ${b.$table} x
        WHERE x.${b.member} = ${member} AND x.${b.status} = 'checked_in'
        ${
          booking
            ? sql`AND (x.${b.checkedInAt}, x.${b.id}) <= (SELECT y.${b.checkedInAt}, y.${b.id} FROM ${b.$table} y
                   WHERE y.${b.id} = ${booking} AND y.${b.status} = 'checked_in')`
            : sql``
        }`,
  )
  return row?.n ?? 0
}

/**
 * The send-time re-check of an abandoned checkout: null while the order is still unpaid and the
 * member has bought nothing since it was started; else `order_paid` (the order itself was paid
 * after all) or `ordered_since` (another paid order since the abandoned one was created).
 */
export const abandonedStopReason = async (
  req: PayloadRequest,
  member: string,
  facts: Record<string, unknown>,
): Promise<string | null> => {
  const order = typeof facts.order === 'string' ? facts.order : null
  if (!order) return null
  const o = goalOrdersTable(req)
  const paid = sql.join(
    PAID_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )
  const [row] = await runSql<{ self_paid: boolean; since: boolean }>(
    req,
    sql`SELECT
          EXISTS (SELECT 1 FROM ${o.$table} a WHERE a.${o.id} = ${order} AND a.${o.status}::text IN (${paid})) AS self_paid,
          EXISTS (SELECT 1 FROM ${o.$table} n, ${o.$table} a
                  WHERE a.${o.id} = ${order} AND n.${o.member} = ${member} AND n.${o.id} <> a.${o.id}
                    AND n.${o.status}::text IN (${paid})
                    AND coalesce(n.${o.purchasedAt}, n.${o.createdAt}) >= a.${o.createdAt}) AS since`,
  )
  if (row?.self_paid) return 'order_paid'
  if (row?.since) return 'ordered_since'
  return null
}

/**
 * The send-time re-check of an abandoned booking: `booked_since` once the member holds a place in
 * that class again (booked, offered or checked in), else null.
 */
export const abandonedBookingStopReason = async (
  req: PayloadRequest,
  member: string,
  facts: Record<string, unknown>,
): Promise<string | null> => {
  const klass = typeof facts.class === 'string' ? facts.class : null
  if (!klass) return null
  const b = goalBookingsTable(req)
  const [row] = await runSql<{ booked: boolean }>(
    req,
    sql`SELECT EXISTS (SELECT 1 FROM ${b.$table} x WHERE x.${b.member} = ${member} AND x.${b.class} = ${klass}
                         AND x.${b.status} IN ('confirmed', 'offered', 'checked_in')) AS booked`,
  )
  return row?.booked ? 'booked_since' : null
}
