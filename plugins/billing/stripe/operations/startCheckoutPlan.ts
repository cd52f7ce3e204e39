import type { CollectionSlug, PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { audit, emit, lockKey, runSql, tenantMembershipsTable } from '@/core'
import { beginSubscription, firstPeriod } from '../../operations/beginSubscription'
import {
  priceOf,
  subscriptionColumns,
  tenantZone,
  toSubscriptionJson,
  type SubscriptionRow,
} from '../../operations/billingContext'
import { openInvoice } from '../../operations/openInvoice'
import { refundWholePayment } from '../../operations/refundWholePayment'
import { paymentsTable } from '../../operations/sql/paymentsTable'
import { subscriptionsTable } from '../../operations/sql/subscriptionsTable'
import type { PlanDoc } from '../../types'
import { contentPlanFeeBps, splitFee } from '../../operations/platformFee'

export type CheckoutPlanResult =
  | { outcome: 'recorded' | 'duplicate'; payment: string; subscription?: string | null; refunded?: number }
  | { outcome: 'unlinked'; payment: null }

/**
 * A paid payment-mode Checkout Session for a one-time plan price (`createCheckoutSession`) starts the
 * plan's one-time access exactly as a desk payment of that price does (`startManualSubscription`):
 * an `active` subscription (provider `manual`: nothing recurs on Stripe) from now with no period end,
 * the payment (provider `stripe`, purpose `subscription`, providerRef = the PaymentIntent), a paid
 * invoice, and `beginSubscription` (credits and guest passes once, audit, `subscription.activated`).
 * Once per PaymentIntent (advisory lock, then the payment found by its ref). A payment that cannot
 * start the plan (the member already holds it, or the price is gone) is recorded and refunded in full
 * (`refundWholePayment`, sent to Stripe after commit), and audited `subscription.checkout_refunded`.
 */
export const startCheckoutPlan = async (
  req: PayloadRequest,
  input: { tenant: string; session: Stripe.Checkout.Session; intent: string },
): Promise<CheckoutPlanResult> => {
  const { tenant, session, intent } = input
  const meta = session.metadata ?? {}
  await lockKey(req, `stripe-payment:${intent}`)
  const p = paymentsTable(req)
  const m = tenantMembershipsTable(req)
  const s = subscriptionsTable(req)
  const [recorded] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${p.id} AS id FROM ${p.$table} WHERE ${p.provider} = 'stripe' AND ${p.providerRef} = ${intent}`,
  )
  if (recorded) return { outcome: 'duplicate', payment: String(recorded.id) }
  const [member] = meta.member
    ? await runSql<{ id: string }>(
        req,
        sql`SELECT ${m.id} AS id FROM ${m.$table} WHERE ${m.id} = ${meta.member} AND ${m.tenant} = ${tenant}`,
      )
    : []
  const plan = meta.plan
    ? await req.payload.db.findOne<PlanDoc>({
        collection: 'membership-plans' as CollectionSlug,
        where: { and: [{ id: { equals: meta.plan } }, { tenant: { equals: tenant } }] },
        req,
      })
    : null
  if (!member || !plan) return { outcome: 'unlinked', payment: null }
  const memberId = String(member.id)
  await lockKey(req, `subscribe:${memberId}:${plan.id}`)

  const price = priceOf(plan, meta.priceKey ?? '')
  const [live] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${s.id} AS id FROM ${s.$table} WHERE ${s.member} = ${memberId} AND ${s.plan} = ${plan.id}
        AND ${s.status} IN ('incomplete', 'trialing', 'active', 'past_due', 'paused') LIMIT 1`,
  )
  const refusal = !price
    ? `${plan.name} no longer has the price "${meta.priceKey}".`
    : price.interval !== 'one_time'
      ? `Price "${price.key}" of ${plan.name} is not a one-time price any more.`
      : live
        ? `The member already holds ${plan.name}.`
        : null

  const now = new Date()
  const zone = await tenantZone(req, tenant)
  let subscription: ReturnType<typeof toSubscriptionJson> | null = null
  let end: Date | null = null
  if (!refusal && price) {
    end = firstPeriod(now, plan, price, zone, false).end
    const [row] = await runSql<SubscriptionRow>(
      req,
      sql`INSERT INTO ${s.$table} (${s.tenant}, ${s.member}, ${s.plan}, ${s.priceKey}, ${s.status}, ${s.provider}, ${s.currentPeriodStart},
                                   ${s.currentPeriodEnd}, ${s.cancelAtPeriodEnd}, ${s.dunningStage})
          VALUES (${tenant}, ${memberId}, ${plan.id}, ${price.key}, 'active', 'manual', ${now.toISOString()}::timestamptz, ${end?.toISOString() ?? null}::timestamptz, false, 'none')
          RETURNING ${subscriptionColumns(s)}`,
    )
    subscription = toSubscriptionJson(row)
  }

  const amount = { amount: session.amount_total ?? 0, currency: (session.currency ?? 'usd').toUpperCase() }
  const ref = subscription
    ? { collection: 'subscriptions', id: subscription.id }
    : { collection: 'membership-plans', id: String(plan.id) }
  const feeBps = await contentPlanFeeBps(req, tenant, String(plan.id))
  const split = feeBps === null ? null : splitFee(amount.amount, amount.amount, feeBps)
  const payment = String(
    (
      (await req.payload.db.create({
        collection: 'payments' as CollectionSlug,
        data: {
          tenant,
          member: memberId,
          purpose: 'subscription',
          refCollection: ref.collection,
          refId: ref.id,
          provider: 'stripe',
          method: 'card',
          amount,
          amountRefunded: 0,
          status: 'succeeded',
          providerRef: intent,
          platformFee: split?.platformFee ?? null,
          creatorPayout: split?.creatorPayout ?? null,
          refunds: [],
          providerSnapshot: { checkoutSession: session.id, plan: plan.id, priceKey: meta.priceKey },
        },
        req,
      })) as { id: string }
    ).id,
  )
  await audit(req, {
    category: 'payment',
    action: 'payment.recorded',
    tenant,
    resourceType: 'payments',
    resourceId: payment,
    amount,
    after: { provider: 'stripe', checkoutSession: session.id },
  })
  await emit(req, {
    type: 'payment.succeeded',
    tenant,
    subject: { collection: 'payments', id: payment },
    data: {
      amount,
      provider: 'stripe',
      purpose: 'subscription',
      member: memberId,
      ref,
      checkoutSession: session.id,
      providerRef: intent,
    },
  })

  if (!subscription || !price) {
    const refund = await refundWholePayment(req, { payment, tenant, reason: `Paid online but not applied: ${refusal}` })
    await audit(req, {
      category: 'billing',
      action: 'subscription.checkout_refunded',
      tenant,
      resourceType: 'payments',
      resourceId: payment,
      amount,
      details: refusal ?? undefined,
      after: { plan: plan.id, priceKey: meta.priceKey, member: memberId, refunded: refund?.amount ?? 0 },
    })
    return { outcome: 'recorded', payment, subscription: null, refunded: refund?.amount ?? 0 }
  }

  const invoice = await openInvoice(req, {
    tenant,
    member: memberId,
    subscription: subscription.id,
    planName: plan.name,
    amount,
    status: 'paid',
    periodStart: now,
    periodEnd: end,
    dueAt: now,
    payment,
  })
  await runSql(req, sql`UPDATE ${p.$table} SET ${p.invoice} = ${invoice.id} WHERE ${p.id} = ${payment}`)
  await beginSubscription(req, { subscription, plan, start: now, end, zone, amount, via: 'checkout' })
  return { outcome: 'recorded', payment, subscription: subscription.id }
}
