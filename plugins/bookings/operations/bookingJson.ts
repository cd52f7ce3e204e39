import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

export type BookingJson = {
  id: string
  tenant: string
  class: string
  member: string
  startTime: string
  status: string
  waitlistPosition: number | null
  paymentMethod: string | null
  waitlistedAt: string | null
  promotedAt: string | null
  checkedInAt: string | null
  cancelledAt: string | null
  cancellationReason: string | null
  lateCancelFee: { amount: number; currency: string } | null
  source: string | null
  createdAt: string
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

/** The columns every booking reply carries, in the REST shape (ids unpopulated). */
export const BOOKING_COLUMNS = sql`id, tenant_id, class_id, member_id, start_time, status, waitlist_position, payment_method, waitlisted_at,
  promoted_at, checked_in_at, cancelled_at, cancellation_reason, late_cancel_fee_amount, late_cancel_fee_currency, source, created_at`

export const toBookingJson = (row: Record<string, unknown>): BookingJson => ({
  id: String(row.id),
  tenant: String(row.tenant_id),
  class: String(row.class_id),
  member: String(row.member_id),
  startTime: iso(row.start_time)!,
  status: String(row.status),
  waitlistPosition: row.waitlist_position === null ? null : Number(row.waitlist_position),
  paymentMethod: (row.payment_method as string) ?? null,
  waitlistedAt: iso(row.waitlisted_at),
  promotedAt: iso(row.promoted_at),
  checkedInAt: iso(row.checked_in_at),
  cancelledAt: iso(row.cancelled_at),
  cancellationReason: (row.cancellation_reason as string) ?? null,
  lateCancelFee:
    row.late_cancel_fee_amount === null || row.late_cancel_fee_amount === undefined
      ? null
      : { amount: Number(row.late_cancel_fee_amount), currency: String(row.late_cancel_fee_currency) },
  source: (row.source as string) ?? null,
  createdAt: iso(row.created_at)!,
})

export const loadBooking = async (req: PayloadRequest, id: string, lock = false): Promise<BookingJson | undefined> => {
  const [row] = await runSql(
    req,
    sql`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  return row ? toBookingJson(row) : undefined
}
