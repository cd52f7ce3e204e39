import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { audit, inTransaction, runSql } from '@/core'
import { requireStripeClient } from '../stripeClient'
import { invoicesTable } from '../../operations/sql/invoicesTable'
import { subscriptionsTable } from '../../operations/sql/subscriptionsTable'
import { subscriptionOfInvoice, syncStripeInvoice } from './syncStripeInvoice'
import { syncStripeSubscription } from './syncStripeSubscription'

/** The window the nightly reconciliation looks back over (Stripe keeps events for 30 days). */
export const RECONCILE_WINDOW_SECONDS = 2 * 86_400

const EVENT_TYPES = [
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'invoice.created',
  'invoice.updated',
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.finalized',
  'invoice.voided',
  'invoice.marked_uncollectible',
]

type Mirrored = {
  status: string
  dunning_stage: string
  current_period_end: string | null
  cancel_at_period_end: boolean
  pause_until: string | null
  invoices: string
}

const snapshot = async (req: PayloadRequest, stripeId: string): Promise<Mirrored | null> => {
  const s = subscriptionsTable(req)
  const i = invoicesTable(req)
  const [row] = await runSql<Mirrored>(
    req,
    sql`SELECT s.${s.status} AS status, s.${s.dunningStage} AS dunning_stage, s.${s.currentPeriodEnd} AS current_period_end,
               s.${s.cancelAtPeriodEnd} AS cancel_at_period_end, s.${s.pauseUntil} AS pause_until,
               coalesce((SELECT string_agg(i.${i.stripeInvoiceId} || '=' || i.${i.status} || ':' || coalesce(i.${i.payment}::text, '-'), ','
                                           ORDER BY i.${i.stripeInvoiceId})
                         FROM ${i.$table} i WHERE i.${i.subscription} = s.${s.id} AND i.${i.stripeInvoiceId} IS NOT NULL), '') AS invoices
        FROM ${s.$table} s WHERE s.${s.stripeSubscriptionId} = ${stripeId}`,
  )
  return row ?? null
}

const same = (a: Mirrored | null, b: Mirrored | null) => JSON.stringify(a) === JSON.stringify(b)

export type ReconcileResult = { tenant: string; checked: number; drifted: number; failed: number }

/**
 * Nightly safety net for lost webhooks, per connected tenant: the subscriptions Stripe changed in
 * the last two days (found through its event log, `events.list` on the tenant's account) are
 * re-applied through the webhook's own mirror (`syncStripeSubscription`, then their latest
 * invoice through `syncStripeInvoice`), one transaction each. The sync re-reads Stripe under the
 * subscription's lock and writes with the usual `last_event_at` condition, using the time of
 * the read as the watermark, so nothing older than what we hold is ever written back. A
 * subscription whose mirror changed (status, dunning, period, cancel flag, pause, invoices) or
 * that we did not have yet is drift: one `stripe.reconcile_drift` audit row each, with before
 * and after.
 */
export const reconcileStripeTenant = async (
  req: PayloadRequest,
  input: { tenant: string; account: string; now?: Date },
): Promise<ReconcileResult> => {
  const stripe = requireStripeClient()
  const since = Math.floor((input.now ?? new Date()).getTime() / 1000) - RECONCILE_WINDOW_SECONDS
  const subscriptions = new Set<string>()
  for await (const event of stripe.events.list(
    { created: { gte: since }, types: EVENT_TYPES, limit: 100 },
    { stripeAccount: input.account },
  )) {
    const object = event.data.object as Stripe.Subscription | Stripe.Invoice
    const id = object.object === 'subscription' ? object.id : subscriptionOfInvoice(object as Stripe.Invoice)
    if (id) subscriptions.add(id)
  }
  const result: ReconcileResult = { tenant: input.tenant, checked: 0, drifted: 0, failed: 0 }
  for (const subscription of subscriptions) {
    const tx = { ...req, transactionID: undefined } as PayloadRequest
    try {
      await inTransaction(tx, async () => {
        const before = await snapshot(tx, subscription)
        const eventCreated = Math.floor(Date.now() / 1000)
        const synced = await syncStripeSubscription(tx, {
          tenant: input.tenant,
          account: input.account,
          subscription,
          eventCreated,
        })
        if (synced.outcome === 'unlinked' || synced.outcome === 'foreign') return
        const sub = await stripe.subscriptions.retrieve(subscription, {}, { stripeAccount: input.account })
        const latest = typeof sub.latest_invoice === 'string' ? sub.latest_invoice : sub.latest_invoice?.id
        if (latest) await syncStripeInvoice(tx, { tenant: input.tenant, account: input.account, invoice: latest })
        result.checked++
        const after = await snapshot(tx, subscription)
        if (!same(before, after)) {
          result.drifted++
          await audit(tx, {
            category: 'billing',
            action: 'stripe.reconcile_drift',
            tenant: input.tenant,
            resourceType: 'subscriptions',
            resourceId: synced.subscription,
            before: before ?? { missing: true },
            after: { ...after, stripeSubscription: subscription },
          })
        }
      })
    } catch (error) {
      result.failed++
      req.payload.logger.error(
        { err: error, tenant: input.tenant, subscription },
        'Stripe reconciliation of a subscription failed',
      )
    }
  }
  return result
}
