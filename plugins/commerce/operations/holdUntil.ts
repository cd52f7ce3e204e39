import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { DEFAULT_CHECKOUT_HOLD_MINUTES, DEFAULT_RESERVATION_HOLD_DAYS } from '../fields/commerceSettingsField'
import { commerceSettingsTable } from './sql/commerceSettingsTable'

/** Stripe keeps a Checkout Session open at least this long after creating it. */
export const STRIPE_MIN_SESSION_MS = 30 * 60_000
/** Stripe keeps a Checkout Session open at most this long. */
export const STRIPE_MAX_SESSION_MS = 24 * 60 * 60_000
/** Room between computing a hold and Stripe creating the session, so its end stays ≥ 30 min away. */
export const STRIPE_HOLD_MARGIN_MS = 60_000

/**
 * When a new pending order of `tenant` stops holding stock, coupon use and gift-card amount: the
 * tenant's `commerce.reservationHoldDays` (default 7) for a reservation paid at the desk, its
 * `commerce.checkoutHoldMinutes` (default 30, plus a minute so the Stripe session it becomes the
 * end of is at least Stripe's 30 minutes long) for an order waiting for a Stripe Checkout payment.
 */
export const holdUntil = async (
  req: PayloadRequest,
  tenant: string,
  kind: 'reservation' | 'checkout',
  now = new Date(),
): Promise<Date> => {
  const s = commerceSettingsTable(req)
  const [row] = await runSql<{ days: number | null; minutes: number | null }>(
    req,
    sql`SELECT ${s.reservationHoldDays} AS days, ${s.checkoutHoldMinutes} AS minutes FROM ${s.$table} WHERE ${s.tenant} = ${tenant} LIMIT 1`,
  )
  if (kind === 'reservation')
    return new Date(now.getTime() + Number(row?.days ?? DEFAULT_RESERVATION_HOLD_DAYS) * 86_400_000)
  const minutes = Math.max(30, Number(row?.minutes ?? DEFAULT_CHECKOUT_HOLD_MINUTES))
  return new Date(now.getTime() + minutes * 60_000 + STRIPE_HOLD_MARGIN_MS)
}
