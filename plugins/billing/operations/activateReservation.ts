import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql, type Money } from '@/core'
import { beginSubscription, firstPeriod } from './beginSubscription'
import {
  loadPlan,
  lockSubscription,
  priceOf,
  subscriptionColumns,
  tenantZone,
  toSubscriptionJson,
  type SubscriptionRow,
} from './billingContext'
import { invoicesTable } from './sql/invoicesTable'
import { subscriptionsTable } from './sql/subscriptionsTable'

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
  const s = subscriptionsTable(req)
  const i = invoicesTable(req)
  const [row] = await runSql<SubscriptionRow>(
    req,
    sql`UPDATE ${s.$table} SET ${s.status} = 'active', ${s.currentPeriodStart} = ${start.toISOString()}::timestamptz,
               ${s.currentPeriodEnd} = ${end?.toISOString() ?? null}::timestamptz, ${s.updatedAt} = now()
        WHERE ${s.id} = ${subscriptionId} AND ${s.status} = 'incomplete' RETURNING ${subscriptionColumns(s)}`,
  )
  if (!row) return null
  await runSql(
    req,
    sql`UPDATE ${i.$table} SET ${i.periodStart} = ${start.toISOString()}::timestamptz,
               ${i.periodEnd} = ${end?.toISOString() ?? null}::timestamptz, ${i.updatedAt} = now()
        WHERE ${i.id} = ${invoiceId}`,
  )
  const subscription = toSubscriptionJson(row)
  const granted = await beginSubscription(req, { subscription, plan, start, end, zone, amount, via: 'reservation' })
  return { subscription, granted }
}
