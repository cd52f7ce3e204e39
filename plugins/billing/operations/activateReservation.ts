import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql, type Money } from '@/core'
import { beginSubscription, firstPeriod } from './beginSubscription'
import { loadPlan, lockSubscription, priceOf, tenantZone, toSubscriptionJson } from './billingContext'

/**
 * A reserved (`incomplete`, manual) subscription whose invoice was just paid at the desk becomes
 * `active`: its first period starts now on the tenant's wall clock, the invoice gets that period,
 * and the period's credits are granted exactly as a desk start does (`beginSubscription`). Any
 * other subscription is left alone (null).
 */
export const activateReservation = async (
  req: PayloadRequest,
  subscriptionId: string,
  invoiceId: string,
  amount: Money,
) => {
  const sub = await lockSubscription(req, subscriptionId)
  if (!sub || sub.provider !== 'manual' || sub.status !== 'incomplete') return null
  const plan = await loadPlan(req, sub.tenant, sub.plan)
  const price = priceOf(plan, sub.priceKey)
  if (!price)
    throw new OperationError(409, 'price_not_found', `Plan "${plan.name}" no longer has the price "${sub.priceKey}".`)
  const zone = await tenantZone(req, sub.tenant)
  const start = new Date()
  const { end } = firstPeriod(start, plan, price, zone, false)
  const [row] = await runSql<Record<string, unknown>>(
    req,
    sql`UPDATE subscriptions SET status = 'active', current_period_start = ${start.toISOString()}::timestamptz,
               current_period_end = ${end?.toISOString() ?? null}::timestamptz, updated_at = now()
        WHERE id = ${subscriptionId} AND status = 'incomplete' RETURNING *`,
  )
  if (!row) return null
  await runSql(
    req,
    sql`UPDATE invoices SET period_start = ${start.toISOString()}::timestamptz, period_end = ${end?.toISOString() ?? null}::timestamptz, updated_at = now()
        WHERE id = ${invoiceId}`,
  )
  const subscription = toSubscriptionJson(row)
  const granted = await beginSubscription(req, { subscription, plan, start, end, zone, amount, via: 'reservation' })
  return { subscription, granted }
}
