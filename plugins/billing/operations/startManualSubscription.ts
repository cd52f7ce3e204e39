import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { OperationError, pgErrorCode, requireDeskRole, runSql, tenantMembershipsTable } from '@/core'
import { recordManualPayment } from './recordManualPayment'
import {
  loadPlan,
  priceOf,
  subscriptionColumns,
  tenantZone,
  toSubscriptionJson,
  type SubscriptionRow,
} from './billingContext'
import { paymentsTable } from './sql/paymentsTable'
import { subscriptionsTable } from './sql/subscriptionsTable'
import { beginSubscription, firstPeriod } from './beginSubscription'
import { openInvoice } from './openInvoice'

export const startManualSubscriptionInput = z.object({
  tenant: z.string().min(1, { message: 'tenant is required.' }),
  member: z.string().min(1, { message: 'member is required.' }),
  plan: z.string().min(1, { message: 'plan is required.' }),
  priceKey: z.string().min(1, { message: 'priceKey is required.' }),
  payment: z
    .object({
      provider: z.enum(['cash', 'terminal', 'manual'], {
        message: 'payment.provider must be cash, terminal or manual.',
      }),
      method: z.string().max(100).nullish(),
      providerRef: z.string().max(200).nullish(),
    })
    .default({ provider: 'cash' }),
})

export type StartManualSubscriptionInput = z.input<typeof startManualSubscriptionInput>

/**
 * Desk staff start a plan for a member at one of its active prices, without Stripe. With trial
 * days the subscription is `trialing` until the trial ends (the renewal job then opens the first
 * invoice); otherwise the first period is paid at the desk now: a manual payment, a paid invoice,
 * status `active` with a period computed on the tenant's wall clock, and the period's credits.
 * One transaction; a member has at most one live subscription per plan (409 otherwise).
 */
export const startManualSubscription = async (req: PayloadRequest, raw: StartManualSubscriptionInput) => {
  const parsed = startManualSubscriptionInput.safeParse(raw)
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const input = parsed.data
  requireDeskRole(req, input.tenant)
  const m = tenantMembershipsTable(req)
  const [member] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m} WHERE ${m.id} = ${input.member} AND ${m.tenant} = ${input.tenant} AND ${m.status} = 'active'`,
  )
  if (!member) throw new OperationError(400, 'unknown_member', 'member is not an active member of this business.')
  const plan = await loadPlan(req, input.tenant, input.plan)
  if (!plan.active) throw new OperationError(409, 'plan_inactive', 'This plan is no longer sold.')
  const price = priceOf(plan, input.priceKey)
  if (!price) throw new OperationError(400, 'unknown_price', `Plan "${plan.name}" has no price "${input.priceKey}".`)
  if (!price.active) throw new OperationError(409, 'price_inactive', `Price "${input.priceKey}" is no longer sold.`)

  const zone = await tenantZone(req, input.tenant)
  const now = new Date()
  const { status, trialEnd, end } = firstPeriod(now, plan, price, zone, true)
  const s = subscriptionsTable(req)
  const rows = await runSql<SubscriptionRow>(
    req,
    sql`INSERT INTO ${s.$table} (${s.tenant}, ${s.member}, ${s.plan}, ${s.priceKey}, ${s.status}, ${s.provider}, ${s.currentPeriodStart},
                                 ${s.currentPeriodEnd}, ${s.trialEnd}, ${s.cancelAtPeriodEnd}, ${s.dunningStage})
        VALUES (${input.tenant}, ${input.member}, ${plan.id}, ${price.key}, ${status}, 'manual',
                ${now.toISOString()}::timestamptz, ${end?.toISOString() ?? null}::timestamptz, ${trialEnd?.toISOString() ?? null}::timestamptz, false, 'none')
        RETURNING ${subscriptionColumns(s)}`,
  ).catch((error: unknown) => {
    if (pgErrorCode(error) === '23505')
      throw new OperationError(409, 'already_subscribed', 'This member already has a live subscription to this plan.')
    throw error
  })
  const subscription = toSubscriptionJson(rows[0])
  const amount = { amount: Number(price.amount), currency: price.currency }

  let invoice: { id: string; number: string } | null = null
  let payment: string | null = null
  if (!trialEnd) {
    if (amount.amount > 0) {
      const paid = await recordManualPayment(req, {
        tenant: input.tenant,
        member: input.member,
        purpose: 'subscription',
        ref: { collection: 'subscriptions', id: subscription.id },
        provider: input.payment.provider,
        method: input.payment.method,
        providerRef: input.payment.providerRef,
        amount,
      })
      payment = paid.id
    }
    invoice = await openInvoice(req, {
      tenant: input.tenant,
      member: input.member,
      subscription: subscription.id,
      planName: plan.name,
      amount,
      status: 'paid',
      periodStart: now,
      periodEnd: end,
      dueAt: now,
      payment,
    })
    if (payment) {
      const p = paymentsTable(req)
      await runSql(req, sql`UPDATE ${p.$table} SET ${p.invoice} = ${invoice.id} WHERE ${p.id} = ${payment}`)
    }
  }
  const granted = await beginSubscription(req, {
    subscription,
    plan,
    start: now,
    end,
    zone,
    amount: trialEnd ? undefined : amount,
    via: 'desk',
  })
  return { subscription, invoice, payment, granted }
}
