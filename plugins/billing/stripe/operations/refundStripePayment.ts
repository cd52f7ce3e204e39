import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { runSql, type EventOf } from '@/core'
import { connectedAccount } from '../connectedAccount'
import { idempotencyKey } from '../idempotencyKey'
import { requireStripeClient } from '../stripeClient'
import { paymentRefundsTable, paymentsTable } from '../../operations/sql/paymentsTable'

/** The PaymentIntent behind a Stripe payment: its own ref, or the paid invoice's payment. */
const paymentIntentOf = async (stripe: Stripe, account: string, ref: string): Promise<string | null> => {
  if (ref.startsWith('pi_')) return ref
  if (!ref.startsWith('in_')) return null
  const invoice = await stripe.invoices.retrieve(ref, { expand: ['payments'] }, { stripeAccount: account })
  const paid = invoice.payments?.data.find((p) => p.status === 'paid') ?? invoice.payments?.data[0]
  const intent = paid?.payment?.payment_intent
  return typeof intent === 'string' ? intent : (intent?.id ?? null)
}

/**
 * `payment.refunded` subscriber: a refund recorded on a Stripe payment (by `refundPayment`, at
 * the desk) is sent to Stripe after commit, on the tenant's connected account, with the event id
 * in the idempotency key so a redelivered event refunds once; the Stripe refund id is written on
 * the matching `refunds[]` row. A payment that carried a platform fee (a creator sale) is refunded
 * with `refund_application_fee`, so the platform's application fee goes back in proportion too.
 * Other providers' payments are not touched.
 */
export const refundStripePayment = async (
  event: EventOf<'payment.refunded'>,
  { req }: { req: PayloadRequest },
): Promise<void> => {
  const paymentId = event.subject?.id
  if (!paymentId || event.data.providerRefundId) return // made in Stripe already
  const db = { payload: req.payload, transactionID: undefined }
  const p = paymentsTable(req)
  const r = paymentRefundsTable(req)
  const [payment] = await runSql<{
    tenant_id: string
    provider: string
    provider_ref: string | null
    platform_fee: number | null
  }>(
    db,
    sql`SELECT ${p.tenant} AS tenant_id, ${p.provider} AS provider, ${p.providerRef} AS provider_ref, ${p.platformFee} AS platform_fee
        FROM ${p.$table} WHERE ${p.id} = ${paymentId}`,
  )
  if (!payment || payment.provider !== 'stripe' || !payment.provider_ref) return
  const { amount, reason } = event.data
  const stripe = requireStripeClient()
  const account = await connectedAccount(db, payment.tenant_id)
  if (!account)
    throw new Error(
      `Tenant ${payment.tenant_id} has no connected Stripe account: refund of payment ${paymentId} cannot reach Stripe.`,
    )
  const intent = await paymentIntentOf(stripe, account, payment.provider_ref)
  if (!intent) throw new Error(`No PaymentIntent found for payment ${paymentId} (${payment.provider_ref}).`)
  const refund = await stripe.refunds.create(
    {
      payment_intent: intent,
      amount: amount.amount,
      reason: 'requested_by_customer',
      // A creator sale: Stripe gives back the application fee in proportion to the amount refunded (Connect).
      ...(Number(payment.platform_fee) > 0 ? { refund_application_fee: true } : {}),
      metadata: { tenant: payment.tenant_id, payment: paymentId, note: (reason ?? '').slice(0, 400) },
    },
    { stripeAccount: account, idempotencyKey: idempotencyKey('refund', paymentId, event.id) },
  )
  await runSql(
    db,
    sql`UPDATE ${r.$table} SET ${r.providerRefundId} = ${refund.id}
        WHERE ${r.id} = (SELECT ${r.id} FROM ${r.$table}
                         WHERE ${r.parent} = ${paymentId} AND ${r.providerRefundId} IS NULL AND ${r.amount} = ${amount.amount} ORDER BY ${r.order} LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM ${r.$table} WHERE ${r.parent} = ${paymentId} AND ${r.providerRefundId} = ${refund.id})`,
  )
}
