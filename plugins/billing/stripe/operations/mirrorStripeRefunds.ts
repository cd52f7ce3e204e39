import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { emit, lockKey, runSql } from '@/core'
import { applyRefund } from '../../operations/refundPayment'
import { requireStripeClient } from '../stripeClient'
import { paymentRefundsTable, paymentsTable } from '../../operations/sql/paymentsTable'

/**
 * `charge.refunded`: refunds made in Stripe (the dashboard, the API) are mirrored onto our
 * payment of that PaymentIntent — a product Checkout's (providerRef = the intent) or a
 * subscription invoice's (providerRef = the invoice, found with `invoicePayments.list` by the
 * intent; a full refund marks the invoice `refunded`). Like the subscription sync, the event is a notification: under
 * a lock on the PaymentIntent the refunds are re-read from Stripe and each one we have not
 * recorded (no `refunds[]` row with its id) is applied once through `applyRefund` (the
 * conditional UPDATE that never passes the amount paid) with its `providerRefundId`; the
 * resulting `payment.refunded` carries that id, so it is not sent back to Stripe, and commerce
 * mirrors it onto the order. Refunds we created ourselves (metadata `payment`) are already
 * recorded. Redelivered or reordered events find nothing new.
 */
export const mirrorStripeRefunds = async (
  req: PayloadRequest,
  input: { tenant: string; account: string; charge: Stripe.Charge },
) => {
  const intent =
    typeof input.charge.payment_intent === 'string'
      ? input.charge.payment_intent
      : (input.charge.payment_intent?.id ?? null)
  if (!intent) return { outcome: 'ignored', reason: 'charge without PaymentIntent' }
  await lockKey(req, `stripe-payment:${intent}`)
  const stripe = requireStripeClient()
  const p = paymentsTable(req)
  const r = paymentRefundsTable(req)
  const paymentOf = (providerRef: string) =>
    runSql<{ id: string }>(
      req,
      sql`SELECT ${p.id} AS id FROM ${p.$table}
          WHERE ${p.tenant} = ${input.tenant} AND ${p.provider} = 'stripe' AND ${p.providerRef} = ${providerRef}`,
    )
  let [payment] = await paymentOf(intent)
  if (!payment) {
    // A subscription invoice's charge: our payment is recorded against the invoice it paid.
    const invoices = await stripe.invoicePayments.list(
      { payment: { type: 'payment_intent', payment_intent: intent }, limit: 10 },
      { stripeAccount: input.account },
    )
    for (const paid of invoices.data) {
      const invoice = typeof paid.invoice === 'string' ? paid.invoice : paid.invoice?.id
      if (!invoice || payment) continue
      ;[payment] = await paymentOf(invoice)
    }
  }
  if (!payment) return { outcome: 'ignored', reason: 'no payment of ours for this PaymentIntent' }
  const refunds = await stripe.refunds.list({ payment_intent: intent, limit: 100 }, { stripeAccount: input.account })
  const known = new Set(
    (
      await runSql<{ id: string }>(
        req,
        sql`SELECT ${r.providerRefundId} AS id FROM ${r.$table} WHERE ${r.parent} = ${payment.id} AND ${r.providerRefundId} IS NOT NULL`,
      )
    ).map((r) => r.id),
  )
  const mirrored: string[] = []
  for (const refund of [...refunds.data].sort((a, b) => a.created - b.created)) {
    if (known.has(refund.id) || refund.metadata?.payment || !['succeeded', 'pending'].includes(refund.status ?? ''))
      continue
    const reason = `Refunded in Stripe (${refund.reason ?? 'no reason given'})`
    const applied = await applyRefund(req, {
      payment: payment.id,
      tenant: input.tenant,
      amount: refund.amount,
      reason,
      providerRefundId: refund.id,
    })
    await emit(req, {
      type: 'payment.refunded_at_provider',
      tenant: input.tenant,
      subject: { collection: 'payments', id: payment.id },
      data: {
        amount: refund.amount,
        amountRefunded: applied.amountRefunded,
        status: applied.status,
        reason,
        providerRefundId: refund.id,
      },
    })
    mirrored.push(refund.id)
  }
  return { outcome: mirrored.length ? 'refunded' : 'unchanged', payment: payment.id, refunds: mirrored }
}
