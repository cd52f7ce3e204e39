import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, sqlFragment } from '@/core'
import { bookingsTable } from '../sql/bookingsTable'

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

/** A booking row as `bookingColumns` selects it. */
export type BookingRow = {
  id: string
  tenant: string
  class: string
  member: string
  startTime: string
  status: string
  waitlistPosition: string | number | null
  paymentMethod: string | null
  waitlistedAt: string | null
  promotedAt: string | null
  checkedInAt: string | null
  cancelledAt: string | null
  cancellationReason: string | null
  lateCancelFeeAmount: string | number | null
  lateCancelFeeCurrency: string | null
  source: string | null
  createdAt: string
}

/** The columns every booking reply carries, in the REST shape (ids unpopulated): `RETURNING ${bookingColumns(b)}`. */
export const bookingColumns = sqlFragment(
  (b: ReturnType<typeof bookingsTable>) =>
    sql`${b.id} AS "id", ${b.tenant} AS "tenant", ${b.class} AS "class", ${b.member} AS "member", ${b.startTime} AS "startTime",
      ${b.status} AS "status", ${b.waitlistPosition} AS "waitlistPosition", ${b.paymentMethod} AS "paymentMethod",
      ${b.waitlistedAt} AS "waitlistedAt", ${b.promotedAt} AS "promotedAt", ${b.checkedInAt} AS "checkedInAt",
      ${b.cancelledAt} AS "cancelledAt", ${b.cancellationReason} AS "cancellationReason",
      ${b.lateCancelFeeAmount} AS "lateCancelFeeAmount", ${b.lateCancelFeeCurrency} AS "lateCancelFeeCurrency",
      ${b.source} AS "source", ${b.createdAt} AS "createdAt"`,
)

export const toBookingJson = (row: BookingRow): BookingJson => ({
  id: String(row.id),
  tenant: String(row.tenant),
  class: String(row.class),
  member: String(row.member),
  startTime: iso(row.startTime)!,
  status: String(row.status),
  waitlistPosition: row.waitlistPosition === null ? null : Number(row.waitlistPosition),
  paymentMethod: row.paymentMethod ?? null,
  waitlistedAt: iso(row.waitlistedAt),
  promotedAt: iso(row.promotedAt),
  checkedInAt: iso(row.checkedInAt),
  cancelledAt: iso(row.cancelledAt),
  cancellationReason: row.cancellationReason ?? null,
  lateCancelFee:
    row.lateCancelFeeAmount === null || row.lateCancelFeeAmount === undefined
      ? null
      : { amount: Number(row.lateCancelFeeAmount), currency: String(row.lateCancelFeeCurrency) },
  source: row.source ?? null,
  createdAt: iso(row.createdAt)!,
})

export const loadBooking = async (req: PayloadRequest, id: string, lock = false): Promise<BookingJson | undefined> => {
  const b = bookingsTable(req)
  const [row] = await runSql<BookingRow>(
    req,
    sql`SELECT ${bookingColumns(b)} FROM ${b} WHERE ${b.id} = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  return row ? toBookingJson(row) : undefined
}
