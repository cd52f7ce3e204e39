import type { CollectionSlug, PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { audit, emit, lockKey, runSql, tenantMembershipsTable } from '@/core'
import { startCheckoutPlan } from './startCheckoutPlan'
import { paymentsTable } from '../../operations/sql/paymentsTable'

export type CheckoutPaymentResult =
  | { outcome: 'recorded' | 'duplicate'; payment: string; subscription?: string | null; refunded?: number }
  | { outcome: 'unpaid' | 'unlinked'; payment: null }

/**
 * A paid payment-mode Checkout Session becomes a `payments` row once (provider stripe,
 * providerRef = the PaymentIntent, unique in SQL). A session for a `ref` (a POS or online order
 * paid through `createPaymentCheckout`) gives `payment.succeeded` and `payment.checkout_completed`
 * with that ref, which commerce's `commerce.stripeOrder` subscriber settles; a one-time plan price
 * (`kind: 'plan'`) starts the plan's one-time access (`startCheckoutPlan`). Sessions not started by
 * our checkout for this tenant are left alone.
 */
export const recordCheckoutPayment = async (
  req: PayloadRequest,
  input: { tenant: string; session: Stripe.Checkout.Session },
): Promise<CheckoutPaymentResult> => {
  const { session, tenant } = input
  if (session.payment_status !== 'paid') return { outcome: 'unpaid', payment: null }
  const meta = session.metadata ?? {}
  const intent =
    typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null)
  if (meta.tenant === tenant && meta.kind === 'plan' && intent)
    return startCheckoutPlan(req, { tenant, session, intent })
  const byRef = meta.kind === 'ref' && Boolean(meta.refCollection && meta.refId)
  if (meta.tenant !== tenant || !byRef || !intent) return { outcome: 'unlinked', payment: null }
  const m = tenantMembershipsTable(req)
  const p = paymentsTable(req)
  const [member] = meta.member
    ? await runSql<{ id: string }>(
        req,
        sql`SELECT ${m.id} AS id FROM ${m.$table} WHERE ${m.id} = ${meta.member} AND ${m.tenant} = ${tenant}`,
      )
    : [null]
  if (meta.member && !member) return { outcome: 'unlinked', payment: null }

  await lockKey(req, `stripe-payment:${intent}`)
  const [recorded] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${p.id} AS id FROM ${p.$table} WHERE ${p.provider} = 'stripe' AND ${p.providerRef} = ${intent}`,
  )
  if (recorded) return { outcome: 'duplicate', payment: recorded.id }

  const amount = { amount: session.amount_total ?? 0, currency: (session.currency ?? 'usd').toUpperCase() }
  const ref = { collection: meta.refCollection, id: meta.refId }
  // A creator sale: the application fee our checkout asked Stripe for (`createPaymentCheckout`).
  const fee = meta.platformFee !== undefined && /^\d+$/.test(meta.platformFee) ? Number(meta.platformFee) : null
  const split = fee !== null && fee <= amount.amount ? { platformFee: fee, creatorPayout: amount.amount - fee } : null
  const doc = (await req.payload.db.create({
    collection: 'payments' as CollectionSlug,
    data: {
      tenant,
      member: member?.id ?? null,
      purpose: 'order',
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
      providerSnapshot: { checkoutSession: session.id, ref },
    },
    req,
  })) as { id: string }
  await audit(req, {
    category: 'payment',
    action: 'payment.recorded',
    tenant,
    resourceType: 'payments',
    resourceId: doc.id,
    amount,
    after: { provider: 'stripe', checkoutSession: session.id, ...(split ?? {}) },
  })
  await emit(req, {
    type: 'payment.succeeded',
    tenant,
    subject: { collection: 'payments', id: doc.id },
    data: {
      amount,
      provider: 'stripe',
      purpose: 'order',
      member: member?.id ?? null,
      ref,
      checkoutSession: session.id,
      providerRef: intent,
    },
  })
  // What commerce turns into a paid order (its `commerce.stripeOrder` subscriber); billing knows nothing of orders.
  await emit(req, {
    type: 'payment.checkout_completed',
    tenant,
    subject: { collection: 'payments', id: doc.id },
    data: {
      amount,
      provider: 'stripe',
      member: member?.id ?? null,
      ref,
      checkoutSession: session.id,
      providerRef: intent,
    },
  })
  return { outcome: 'recorded', payment: doc.id }
}
