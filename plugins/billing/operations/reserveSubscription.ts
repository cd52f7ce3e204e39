import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, emit, OperationError, pgErrorCode, requireDeskRole, runSql, tenantMembershipsTable } from '@/core'
import { memberOfUser } from '@/core'
import {
  loadPlan,
  priceOf,
  subscriptionColumns,
  tenantZone,
  toSubscriptionJson,
  type SubscriptionRow,
} from './billingContext'
import { membershipPlansTable } from './sql/membershipPlansTable'
import { subscriptionsTable } from './sql/subscriptionsTable'
import { openInvoice } from './openInvoice'
import { addDays } from './periodEnd'
import { reserveSubscriptionInput, type ReserveSubscriptionInput } from '../contract'

/** Days a reservation's invoice stays payable at the desk; the renewal job cancels it afterwards. */
export const RESERVATION_DAYS = 7

export { reserveSubscriptionInput, type ReserveSubscriptionInput }

/**
 * A member reserves a plan price online and pays at the desk: an `incomplete` manual subscription
 * (no period, no entitlements) and an open invoice for the price, due in RESERVATION_DAYS days.
 * Desk staff may reserve for a member of their tenant (`member`). Paying the invoice at the desk
 * (`payInvoice`) activates it. One live subscription per member and plan: a second reservation
 * answers 409 `reservation_exists`, a running subscription 409 `already_subscribed`.
 */
export const reserveSubscription = async (req: PayloadRequest, raw: ReserveSubscriptionInput) => {
  const parsed = reserveSubscriptionInput.safeParse(raw ?? {})
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const input = parsed.data
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const mp = membershipPlansTable(req)
  const [planRow] = await runSql<{ tenant_id: string }>(
    req,
    sql`SELECT ${mp.tenant} AS tenant_id FROM ${mp.$table} WHERE ${mp.id} = ${input.plan}`,
  )
  if (!planRow) throw new OperationError(404, 'plan_not_found', 'No such plan.')
  const tenant = String(planRow.tenant_id)
  let member: string
  if (input.member) {
    requireDeskRole(req, tenant)
    const m = tenantMembershipsTable(req)
    const [row] = await runSql<{ id: string }>(
      req,
      sql`SELECT ${m.id} AS id FROM ${m.$table} WHERE ${m.id} = ${input.member} AND ${m.tenant} = ${tenant} AND ${m.status} = 'active'`,
    )
    if (!row) throw new OperationError(400, 'unknown_member', 'member is not an active member of this business.')
    member = String(row.id)
  } else {
    member = String(
      (await memberOfUser(req, tenant, 'Only members of this business can reserve a membership here.')).id,
    )
  }
  const plan = await loadPlan(req, tenant, input.plan)
  if (!plan.active) throw new OperationError(409, 'plan_inactive', 'This plan is no longer sold.')
  const price = priceOf(plan, input.priceKey)
  if (!price) throw new OperationError(404, 'price_not_found', `Plan "${plan.name}" has no price "${input.priceKey}".`)
  if (!price.active) throw new OperationError(409, 'price_inactive', `Price "${input.priceKey}" is no longer sold.`)

  const s = subscriptionsTable(req)
  const [live] = await runSql<{ status: string }>(
    req,
    sql`SELECT ${s.status} AS status FROM ${s.$table}
        WHERE ${s.member} = ${member} AND ${s.plan} = ${plan.id} AND ${s.status} IN ('incomplete', 'trialing', 'active', 'past_due', 'paused') LIMIT 1`,
  )
  const exists = () =>
    new OperationError(
      409,
      'reservation_exists',
      'This membership is already reserved: pay its invoice at the front desk.',
    )
  if (live?.status === 'incomplete') throw exists()
  if (live)
    throw new OperationError(409, 'already_subscribed', 'This member already has a live subscription to this plan.')

  const rows = await runSql<SubscriptionRow>(
    req,
    sql`INSERT INTO ${s.$table} (${s.tenant}, ${s.member}, ${s.plan}, ${s.priceKey}, ${s.status}, ${s.provider}, ${s.cancelAtPeriodEnd}, ${s.dunningStage})
        VALUES (${tenant}, ${member}, ${plan.id}, ${price.key}, 'incomplete', 'manual', false, 'none')
        RETURNING ${subscriptionColumns(s)}`,
  ).catch((error: unknown) => {
    // A concurrent reservation of the same plan won the one-live-subscription index.
    if (pgErrorCode(error) === '23505') throw exists()
    throw error
  })
  const subscription = toSubscriptionJson(rows[0])
  const amount = { amount: Number(price.amount), currency: price.currency }
  const zone = await tenantZone(req, tenant)
  const now = new Date()
  const invoice = await openInvoice(req, {
    tenant,
    member,
    subscription: subscription.id,
    planName: plan.name,
    amount,
    status: 'open',
    periodStart: now,
    periodEnd: null,
    dueAt: addDays(now, RESERVATION_DAYS, zone),
  })
  await audit(req, {
    category: 'billing',
    action: 'subscription.reserved',
    tenant,
    resourceType: 'subscriptions',
    resourceId: subscription.id,
    amount,
    after: { plan: plan.id, priceKey: price.key, invoice: invoice.id },
  })
  await emit(req, {
    type: 'subscription.reserved',
    tenant,
    subject: { collection: 'subscriptions', id: subscription.id },
    data: { member, plan: plan.id, priceKey: price.key, invoice: invoice.id, amount },
  })
  return {
    subscription,
    invoice: {
      id: invoice.id,
      number: invoice.number,
      total: amount.amount,
      currency: amount.currency,
      status: 'open' as const,
      dueAt: addDays(now, RESERVATION_DAYS, zone).toISOString(),
    },
  }
}
