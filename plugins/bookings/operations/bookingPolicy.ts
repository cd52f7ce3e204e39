import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { defaultPolicy } from '../defaults'
import type { BookingPolicy } from '../types'

/** The policy's columns of `tenant_settings s`, for `policyOf` (also folded into the booking's class read). */
export const POLICY_COLUMNS = sql`s.bookings_late_cancel_minutes AS "lateCancelMinutes", s.bookings_booking_window_days AS "bookingWindowDays",
  s.bookings_check_in_window_minutes AS "checkInWindowMinutes", s.bookings_free_late_cancels_per_month AS "freeLateCancelsPerMonth",
  s.bookings_late_cancel_fee_amount AS "feeAmount", s.bookings_late_cancel_fee_currency AS "feeCurrency",
  s.bookings_claim_window_minutes AS "claimWindowMinutes"`

/** A policy from `POLICY_COLUMNS` (absent row or columns: the defaults). */
export const policyOf = (row: Record<string, unknown> | undefined): BookingPolicy => {
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
  const [row] = await runSql<Record<string, unknown>>(
    req,
    sql`SELECT ${POLICY_COLUMNS} FROM tenant_settings s WHERE s.tenant_id = ${tenant} LIMIT 1`,
  )
  return policyOf(row)
}
