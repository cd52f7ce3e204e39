import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { defaultPolicy } from '../defaults'
import type { BookingPolicy } from '../types'

/** The tenant's booking policy from tenant-settings.bookings, defaults filled in. */
export const bookingPolicy = async (req: PayloadRequest, tenant: string): Promise<BookingPolicy> => {
  const [row] = await runSql<Record<string, number | string | null>>(
    req,
    sql`SELECT bookings_late_cancel_minutes AS "lateCancelMinutes", bookings_booking_window_days AS "bookingWindowDays",
               bookings_check_in_window_minutes AS "checkInWindowMinutes", bookings_free_late_cancels_per_month AS "freeLateCancelsPerMonth",
               bookings_late_cancel_fee_amount AS "feeAmount", bookings_late_cancel_fee_currency AS "feeCurrency",
               bookings_claim_window_minutes AS "claimWindowMinutes"
        FROM tenant_settings WHERE tenant_id = ${tenant} LIMIT 1`,
  )
  const num = (value: unknown, fallback: number) => (value === null || value === undefined ? fallback : Number(value))
  return {
    lateCancelMinutes: num(row?.lateCancelMinutes, defaultPolicy.lateCancelMinutes),
    bookingWindowDays: num(row?.bookingWindowDays, defaultPolicy.bookingWindowDays),
    checkInWindowMinutes: num(row?.checkInWindowMinutes, defaultPolicy.checkInWindowMinutes),
    freeLateCancelsPerMonth: num(row?.freeLateCancelsPerMonth, defaultPolicy.freeLateCancelsPerMonth),
    claimWindowMinutes: num(row?.claimWindowMinutes, defaultPolicy.claimWindowMinutes),
    lateCancelFee:
      row?.feeAmount && Number(row.feeAmount) > 0 && row.feeCurrency ? { amount: Number(row.feeAmount), currency: String(row.feeCurrency) } : null,
  }
}
