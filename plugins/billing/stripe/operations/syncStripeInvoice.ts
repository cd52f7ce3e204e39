import type { CollectionSlug, PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { audit, emit, lockKey, runSql } from '@/core'
import { requireStripeClient } from '../stripeClient'
import { invoicesTable } from '../../operations/sql/invoicesTable'
import { subscriptionFeeSplit } from '../../operations/platformFee'
import { paymentsTable } from '../../operations/sql/paymentsTable'
import { subscriptionsTable } from '../../operations/sql/subscriptionsTable'

export type InvoiceSyncResult =
  | { outcome: 'applied'; invoice: string; status: string; payment: string | null }
  | { outcome: 'unlinked' | 'foreign'; invoice: null }

const iso = (seconds: number | null | undefined) =>
  typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null

/** The Stripe subscription id an invoice belongs to (2025+ API: `parent.subscription_details`). */
export const subscriptionOfInvoice = (invoice: Pick<Stripe.Invoice, 'parent'>): string | null => {
  const ref = invoice.parent?.subscription_details?.subscription
  return typeof ref === 'string' ? ref : (ref?.id ?? null)
}

/**
 * Mirrors one Stripe invoice of a linked subscription into `invoices` (re-read from Stripe, so
 * the row ends as Stripe has it whatever the event order), and records its payment once when it
 * is paid (`payments` provider stripe, providerRef = the invoice id, unique in SQL). Invoices of
 * subscriptions we do not know, or of another tenant's, are left alone.
 */
export const syncStripeInvoice = async (
  req: PayloadRequest,
  input: { tenant: string; account: string; invoice: string },
): Promise<InvoiceSyncResult> => {
  const stripe = requireStripeClient()
  await lockKey(req, `stripe-invoice:${input.invoice}`)
  const inv = await stripe.invoices.retrieve(input.invoice, {}, { stripeAccount: input.account })
  const stripeSubscription = subscriptionOfInvoice(inv)
  if (!stripeSubscription) return { outcome: 'unlinked', invoice: null }
  const s = subscriptionsTable(req)
  const i = invoicesTable(req)
  const [sub] = await runSql<{ id: string; tenant_id: string; member_id: string }>(
    req,
    sql`SELECT ${s.id} AS id, ${s.tenant} AS tenant_id, ${s.member} AS member_id FROM ${s.$table} WHERE ${s.stripeSubscriptionId} = ${stripeSubscription}`,
  )
  if (!sub) return { outcome: 'unlinked', invoice: null }
  if (sub.tenant_id !== input.tenant) return { outcome: 'foreign', invoice: null }
  const [existing] = await runSql<{ id: string; tenant_id: string; payment_id: string | null; status: string }>(
    req,
    sql`SELECT ${i.id} AS id, ${i.tenant} AS tenant_id, ${i.payment} AS payment_id, ${i.status} AS status FROM ${i.$table}
        WHERE ${i.stripeInvoiceId} = ${inv.id} FOR UPDATE`,
  )
  if (existing && existing.tenant_id !== input.tenant) return { outcome: 'foreign', invoice: null }

  // Stripe keeps a refunded invoice `paid`; ours says `refunded` once its payment is refunded in full.
  const status = inv.status === 'paid' && existing?.status === 'refunded' ? 'refunded' : (inv.status ?? 'draft')
  const amount = {
    amount: inv.status === 'paid' ? inv.amount_paid : inv.amount_due,
    currency: inv.currency.toUpperCase(),
  }
  const data = {
    status,
    amount,
    periodStart: iso(inv.period_start),
    periodEnd: iso(inv.period_end),
    dueAt: iso(inv.due_date ?? inv.next_payment_attempt),
    paidAt: iso(inv.status_transitions?.paid_at),
    providerSnapshot: {
      attemptCount: inv.attempt_count,
      nextPaymentAttempt: iso(inv.next_payment_attempt),
      hostedInvoiceUrl: inv.hosted_invoice_url ?? null,
      number: inv.number,
    },
  }
  const invoiceId = existing
    ? (await req.payload.db.updateOne({ collection: 'invoices' as CollectionSlug, id: existing.id, data, req }),
      existing.id)
    : String(
        (
          (await req.payload.db.create({
            collection: 'invoices' as CollectionSlug,
            data: {
              ...data,
              tenant: input.tenant,
              member: sub.member_id,
              subscription: sub.id,
              number: inv.number ?? `stripe-${inv.id}`,
              stripeInvoiceId: inv.id,
              lines: [],
            },
            req,
          })) as { id: string }
        ).id,
      )

  let payment = existing?.payment_id ?? null
  if (status === 'paid' && !payment) {
    const p = paymentsTable(req)
    const [recorded] = await runSql<{ id: string }>(
      req,
      sql`SELECT ${p.id} AS id FROM ${p.$table} WHERE ${p.provider} = 'stripe' AND ${p.providerRef} = ${inv.id}`,
    )
    payment = recorded?.id ?? null
    if (!payment) {
      // A content-tier plan's invoice is a creator sale (Stripe took `application_fee_percent` of it).
      const split = await subscriptionFeeSplit(req, input.tenant, String(sub.id), amount.amount)
      const doc = (await req.payload.db.create({
        collection: 'payments' as CollectionSlug,
        data: {
          tenant: input.tenant,
          member: sub.member_id,
          purpose: 'subscription',
          refCollection: 'subscriptions',
          refId: sub.id,
          invoice: invoiceId,
          provider: 'stripe',
          method: 'card',
          amount,
          amountRefunded: 0,
          status: 'succeeded',
          providerRef: inv.id,
          platformFee: split?.platformFee ?? null,
          creatorPayout: split?.creatorPayout ?? null,
          refunds: [],
          providerSnapshot: { invoice: inv.id, number: inv.number },
        },
        req,
      })) as { id: string }
      payment = doc.id
      await audit(req, {
        category: 'payment',
        action: 'payment.recorded',
        tenant: input.tenant,
        resourceType: 'payments',
        resourceId: payment,
        amount,
        after: { provider: 'stripe', invoice: inv.id },
      })
      await emit(req, {
        type: 'payment.succeeded',
        tenant: input.tenant,
        subject: { collection: 'payments', id: payment },
        data: {
          amount,
          provider: 'stripe',
          purpose: 'subscription',
          member: sub.member_id,
          ref: { collection: 'subscriptions', id: sub.id },
        },
      })
      await emit(req, {
        type: 'invoice.paid',
        tenant: input.tenant,
        subject: { collection: 'invoices', id: invoiceId },
        data: { member: sub.member_id, subscription: sub.id, amount },
      })
    }
    await runSql(req, sql`UPDATE ${i.$table} SET ${i.payment} = ${payment} WHERE ${i.id} = ${invoiceId}`)
  }
  return { outcome: 'applied', invoice: invoiceId, status, payment }
}
