import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { audit, emit, OperationError, pgErrorCode, runSql } from '@/core'
import { connectedAccount } from '../stripe/connectedAccount'
import { idempotencyKey } from '../stripe/idempotencyKey'
import { stripeCall } from '../stripe/stripeCall'
import { requireStripeClient } from '../stripe/stripeClient'
import type { PlanPrice } from '../types'
import {
  loadPlan,
  priceOf,
  subscriptionColumns,
  tenantZone,
  toSubscriptionJson,
  type SubscriptionRow,
} from './billingContext'
import { grantPeriod } from './grantPeriod'
import { openInvoice } from './openInvoice'
import { periodEnd } from './periodEnd'
import { recordManualPayment } from './recordManualPayment'
import { refundPlanChangeExcess } from './refundPlanChangeExcess'
import { invoicesTable } from './sql/invoicesTable'
import { paymentsTable } from './sql/paymentsTable'
import { subscriptionsTable } from './sql/subscriptionsTable'
import { subscriptionForChange } from './subscriptionAccess'

export const changeSubscriptionPlanInput = z.object({
  plan: z.string({ message: 'plan is required.' }).min(1, { message: 'plan is required.' }),
  priceKey: z.string({ message: 'priceKey is required.' }).min(1, { message: 'priceKey is required.' }),
  payment: z
    .object({
      provider: z.enum(['cash', 'terminal', 'manual'], {
        message: 'payment.provider must be cash, terminal or manual.',
      }),
    })
    .default({ provider: 'cash' }),
  prorationBehavior: z
    .enum(['create_prorations', 'always_invoice', 'none'], {
      message: 'prorationBehavior must be create_prorations, always_invoice or none.',
    })
    .default('create_prorations'),
})

/**
 * The credit for the unused part of a paid period, in minor units, rounded down:
 * ⌊ amount × (periodEnd − now) / (periodEnd − periodStart) ⌋ (0 outside the period).
 */
export const unusedCredit = (amount: number, start: Date, end: Date, now: Date): number => {
  const length = end.getTime() - start.getTime()
  if (length <= 0 || now >= end) return 0
  const left = Math.min(length, end.getTime() - Math.max(now.getTime(), start.getTime()))
  return Math.floor((amount * left) / length)
}

/**
 * Desk staff move a subscription to another plan or price (upgrade or downgrade).
 * Manual: only an `active` subscription with nothing open to pay; a new period starts now on the
 * tenant's clock at the new price, charged minus the credit for the unused part of the current
 * period (`unusedCredit`; never below 0 — the part of a credit larger than the new price is
 * refunded to the member from the subscription's payments, `refundPlanChangeExcess`);
 * the amount due is paid at the desk (`payment`), the invoice says what was credited, and the new
 * plan's period credits are granted. One conditional UPDATE on the old period end.
 * Stripe: the subscription item's price is changed with `subscriptions.update` and
 * `proration_behavior` (Stripe computes and invoices the proration), then our row follows.
 */
export const changeSubscriptionPlan = async (req: PayloadRequest, id: string, raw: unknown) => {
  const parsed = changeSubscriptionPlanInput.safeParse(raw ?? {})
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const input = parsed.data
  const { subscription: sub } = await subscriptionForChange(req, id, false)
  const plan = await loadPlan(req, sub.tenant, input.plan)
  if (!plan.active) throw new OperationError(409, 'plan_inactive', 'This plan is no longer sold.')
  const price = priceOf(plan, input.priceKey)
  if (!price) throw new OperationError(404, 'price_not_found', `Plan "${plan.name}" has no price "${input.priceKey}".`)
  if (!price.active) throw new OperationError(409, 'price_inactive', `Price "${input.priceKey}" is no longer sold.`)
  if (price.interval === 'one_time')
    throw new OperationError(422, 'price_not_recurring', 'A subscription can only move to a recurring price.')
  if (plan.id === sub.plan && price.key === sub.priceKey)
    throw new OperationError(409, 'same_price', 'The subscription is already on this price.')
  const oldPlan = await loadPlan(req, sub.tenant, sub.plan)
  const oldPrice = priceOf(oldPlan, sub.priceKey)
  const s = subscriptionsTable(req)
  const movePlan = (set = sql``, where = sql``) =>
    runSql<SubscriptionRow>(
      req,
      sql`UPDATE ${s.$table} SET ${s.plan} = ${plan.id}, ${s.priceKey} = ${price.key}, ${s.updatedAt} = now() ${set}
          WHERE ${s.id} = ${id} ${where} RETURNING ${subscriptionColumns(s)}`,
    ).catch((error: unknown) => {
      if (pgErrorCode(error) === '23505')
        throw new OperationError(409, 'already_subscribed', 'This member already has a live subscription to that plan.')
      throw error
    })

  if (sub.provider === 'stripe')
    return changeStripePlan(req, {
      sub,
      planId: plan.id,
      planName: plan.name,
      price,
      prorationBehavior: input.prorationBehavior,
      movePlan,
    })

  if (sub.status !== 'active' || !sub.currentPeriodStart || !sub.currentPeriodEnd)
    throw new OperationError(
      409,
      'not_changeable',
      `A ${sub.status} subscription cannot change plan; only an active one can.`,
    )
  if (!oldPrice || oldPrice.currency !== price.currency)
    throw new OperationError(409, 'currency_mismatch', 'The new price must be in the currency of the current one.')
  const i = invoicesTable(req)
  const [open] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${i.id} AS id FROM ${i} WHERE ${i.subscription} = ${id} AND ${i.status} = 'open' LIMIT 1`,
  )
  if (open) throw new OperationError(409, 'invoice_open', 'Settle the open invoice of this subscription first.')

  const now = new Date()
  const start = new Date(sub.currentPeriodStart)
  const end = new Date(sub.currentPeriodEnd)
  const credit = unusedCredit(Number(oldPrice.amount), start, end, now)
  const due = Math.max(0, Number(price.amount) - credit)
  const zone = await tenantZone(req, sub.tenant)
  const newEnd = periodEnd(now, price.interval, price.intervalCount ?? 1, zone)!
  const [row] = await movePlan(
    sql`, ${s.currentPeriodStart} = ${now.toISOString()}::timestamptz, ${s.currentPeriodEnd} = ${newEnd.toISOString()}::timestamptz`,
    sql`AND ${s.status} = 'active' AND ${s.currentPeriodEnd} = ${end.toISOString()}::timestamptz`,
  )
  if (!row) throw new OperationError(409, 'conflict', 'The subscription changed meanwhile; try again.')

  const amount = { amount: due, currency: price.currency }
  const payment =
    due > 0
      ? (
          await recordManualPayment(req, {
            tenant: sub.tenant,
            member: sub.member,
            purpose: 'subscription',
            ref: { collection: 'subscriptions', id },
            provider: input.payment.provider,
            amount,
          })
        ).id
      : null
  const invoice = await openInvoice(req, {
    tenant: sub.tenant,
    member: sub.member,
    subscription: id,
    planName: `${plan.name} (${price.key}) from ${now.toISOString().slice(0, 10)}${credit > 0 ? `, less ${credit} credited for the unused part of ${oldPlan.name}` : ''}${credit > Number(price.amount) ? ` (${credit - Number(price.amount)} refunded)` : ''}`,
    amount,
    status: 'paid',
    periodStart: now,
    periodEnd: newEnd,
    dueAt: now,
    payment,
  })
  if (payment) {
    const p = paymentsTable(req)
    await runSql(req, sql`UPDATE ${p.$table} SET ${p.invoice} = ${invoice.id} WHERE ${p.id} = ${payment}`)
  }
  // A credit larger than the new price: the rest goes back to the member (payments refund path).
  const excess = Math.max(0, credit - Number(price.amount))
  const refund = await refundPlanChangeExcess(req, {
    tenant: sub.tenant,
    subscription: id,
    excess,
    currency: price.currency,
    reason: `Plan change to ${plan.name} (${price.key}): ${excess} of the ${credit} credited for ${oldPlan.name} exceeds the new price`,
  })
  const granted = await grantPeriod(req, {
    tenant: sub.tenant,
    member: sub.member,
    subscription: id,
    plan,
    periodStart: now,
    periodEnd: newEnd,
    zone,
  })
  const subscription = toSubscriptionJson(row)
  const proration = {
    credit,
    newAmount: Number(price.amount),
    due,
    currency: price.currency,
    refunded: refund.refunded,
    unrefunded: refund.unrefunded,
  }
  await audit(req, {
    category: 'billing',
    action: 'subscription.plan_changed',
    tenant: sub.tenant,
    resourceType: 'subscriptions',
    resourceId: id,
    amount,
    before: { plan: sub.plan, priceKey: sub.priceKey },
    after: { plan: plan.id, priceKey: price.key, ...proration },
  })
  await emit(req, {
    type: 'subscription.plan_changed',
    tenant: sub.tenant,
    subject: { collection: 'subscriptions', id },
    data: {
      member: sub.member,
      from: { plan: sub.plan, priceKey: sub.priceKey },
      to: { plan: plan.id, priceKey: price.key },
      proration,
    },
  })
  return { subscription, proration, invoice, payment, granted, refunds: refund.refunds }
}

const changeStripePlan = async (
  req: PayloadRequest,
  input: {
    sub: ReturnType<typeof toSubscriptionJson>
    planId: string
    planName: string
    price: PlanPrice
    prorationBehavior: 'create_prorations' | 'always_invoice' | 'none'
    movePlan: () => Promise<SubscriptionRow[]>
  },
) => {
  const { sub, price } = input
  if (!['active', 'trialing', 'past_due'].includes(sub.status))
    throw new OperationError(409, 'not_changeable', `A ${sub.status} subscription cannot change plan.`)
  const s = subscriptionsTable(req)
  const [row] = await runSql<{ stripe_subscription_id: string | null }>(
    req,
    sql`SELECT ${s.stripeSubscriptionId} AS stripe_subscription_id FROM ${s} WHERE ${s.id} = ${sub.id}`,
  )
  const stripe = requireStripeClient()
  const account = await connectedAccount(req, sub.tenant)
  if (!account || !row?.stripe_subscription_id)
    throw new OperationError(
      409,
      'stripe_not_configured',
      'This business does not take online payments any more; change the plan at the front desk.',
    )
  const stripeId = row.stripe_subscription_id
  const current = await stripeCall(() => stripe.subscriptions.retrieve(stripeId, {}, { stripeAccount: account }))
  const item = current.items.data[0]
  const product = typeof item.price.product === 'string' ? item.price.product : item.price.product?.id
  const newItem: Stripe.SubscriptionUpdateParams.Item = price.stripePriceId
    ? { id: item.id, price: price.stripePriceId }
    : {
        id: item.id,
        price_data: {
          currency: price.currency.toLowerCase(),
          product: product!,
          unit_amount: price.amount,
          recurring: {
            interval: price.interval as 'week' | 'month' | 'year',
            interval_count: price.intervalCount ?? 1,
          },
        },
      }
  await stripeCall(() =>
    stripe.subscriptions.update(
      stripeId,
      {
        items: [newItem],
        proration_behavior: input.prorationBehavior,
        metadata: { plan: input.planId, priceKey: price.key },
      },
      {
        stripeAccount: account,
        idempotencyKey: idempotencyKey('plan-change', sub.id, input.planId, price.key, input.prorationBehavior),
      },
    ),
  )
  const [moved] = await input.movePlan()
  const subscription = toSubscriptionJson(moved)
  await audit(req, {
    category: 'billing',
    action: 'subscription.plan_changed',
    tenant: sub.tenant,
    resourceType: 'subscriptions',
    resourceId: sub.id,
    before: { plan: sub.plan, priceKey: sub.priceKey },
    after: { plan: input.planId, priceKey: price.key, prorationBehavior: input.prorationBehavior },
  })
  await emit(req, {
    type: 'subscription.plan_changed',
    tenant: sub.tenant,
    subject: { collection: 'subscriptions', id: sub.id },
    data: {
      member: sub.member,
      from: { plan: sub.plan, priceKey: sub.priceKey },
      to: { plan: input.planId, priceKey: price.key },
      prorationBehavior: input.prorationBehavior,
    },
  })
  return { subscription, proration: { behavior: input.prorationBehavior, by: 'stripe' } }
}
