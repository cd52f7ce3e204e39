import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, sqlFragment, type SQL } from '@/core'
import { defaultPolicy } from '../../defaults'
import type { BookingPolicy } from '../../types'
import { bookingSettingsTable } from '../sql/bookingSettingsTable'

/** The row `policyColumns` selects (absent columns or row: the defaults). */
export type PolicyRow = {
  lateCancelMinutes: unknown
  bookingWindowDays: unknown
  checkInWindowMinutes: unknown
  freeLateCancelsPerMonth: unknown
  claimWindowMinutes: unknown
  feeAmount: unknown
  feeCurrency: unknown
}

const columns = sqlFragment(
  (s: ReturnType<typeof bookingSettingsTable>) =>
    sql`s.${s.lateCancelMinutes} AS "lateCancelMinutes", s.${s.bookingWindowDays} AS "bookingWindowDays",
      s.${s.checkInWindowMinutes} AS "checkInWindowMinutes", s.${s.freeLateCancelsPerMonth} AS "freeLateCancelsPerMonth",
      s.${s.lateCancelFeeAmount} AS "feeAmount", s.${s.lateCancelFeeCurrency} AS "feeCurrency",
      s.${s.claimWindowMinutes} AS "claimWindowMinutes"`,
)
/** The policy's columns of tenant-settings aliased `s`, for `policyOf` (also folded into the booking's class read). */
export const policyColumns = (req: Pick<PayloadRequest, 'payload'>): SQL => columns(bookingSettingsTable(req))

/** A policy from `policyColumns` (absent row or columns: the defaults). */
export const policyOf = (row: Partial<PolicyRow> | undefined): BookingPolicy => {
  const num = (value: unknown, fallback: number) => (value === null || value === undefined ? fallback : Number(value))
  return {
    lateCancelMinutes: num(row?.lateCancelMinutes, defaultPolicy.lateCancelMinutes),
    bookingWindowDays: num(row?.bookingWindowDays, defaultPolicy.bookingWindowDays),
    checkInWindowMinutes: num(row?.checkInWindowMinutes, defaultPolicy.checkInWindowMinutes),
    freeLateCancelsPerMonth: num(row?.freeLateCancelsPerMonth, defaultPolicy.freeLateCancelsPerMonth),
    claimWindowMinutes: num(row?.claimWindowMinutes, defaultPolicy.claimWindowMinutes),
    lateCancelFee:
      row?.feeAmount && Number(row.feeAmount) > 0 && row.feeCurrency
        ? { amount: Number(row.feeAmount), currency: String(row.feeCurrency) }
        : null,
  }
}

/** The tenant's booking policy from tenant-settings.bookings, defaults filled in. */
export const bookingPolicy = async (req: PayloadRequest, tenant: string): Promise<BookingPolicy> => {
  const s = bookingSettingsTable(req)
  const [row] = await runSql<PolicyRow>(
    req,
    sql`SELECT ${policyColumns(req)} FROM ${s} s WHERE s.${s.tenant} = ${tenant} LIMIT 1`,
  )
  return policyOf(row)
}
