import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { applyAccountUpdate } from './applyAccountUpdate'
import { mirrorStripeRefunds } from './mirrorStripeRefunds'
import { recordCheckoutExpired } from './recordCheckoutExpired'
import { recordCheckoutPayment } from './recordCheckoutPayment'
import { subscriptionOfInvoice, syncStripeInvoice } from './syncStripeInvoice'
import { syncStripeSubscription } from './syncStripeSubscription'

/** Subscription events: the subscription is re-read and mirrored. */
const SUBSCRIPTION_EVENTS = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'customer.subscription.pending_update_applied',
  'customer.subscription.pending_update_expired',
])

/** Invoice events: the invoice is mirrored, then its subscription (dunning reads the latest invoice). */
const INVOICE_EVENTS = new Set([
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.payment_succeeded',
  'invoice.finalized',
  'invoice.voided',
  'invoice.marked_uncollectible',
])

export type ApplyResult = { outcome: string; [key: string]: unknown }

/**
 * Applies one verified Stripe event of `tenant`'s connected account, in the caller's transaction.
 * Idempotent: every branch converges on Stripe's current state or records once.
 */
export const applyStripeEvent = async (
  req: PayloadRequest,
  tenant: string,
  event: Stripe.Event,
): Promise<ApplyResult> => {
  const account = event.account
  if (!account) return { outcome: 'ignored', reason: 'not a connected-account event' }
  const base = { tenant, account, eventCreated: event.created }

  if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded') {
    const session = event.data.object as Stripe.Checkout.Session
    if (session.mode === 'subscription') {
      const subscription = typeof session.subscription === 'string' ? session.subscription : session.subscription?.id
      if (!subscription) return { outcome: 'ignored', reason: 'session without subscription' }
      return { ...(await syncStripeSubscription(req, { ...base, subscription })) }
    }
    if (session.mode === 'payment') return { ...(await recordCheckoutPayment(req, { tenant, session })) }
    return { outcome: 'ignored', reason: `mode ${session.mode}` }
  }
  if (event.type === 'checkout.session.expired')
    return { ...(await recordCheckoutExpired(req, { tenant, session: event.data.object as Stripe.Checkout.Session })) }
  if (event.type === 'account.updated') return { ...(await applyAccountUpdate(req, { tenant, account })) }
  if (event.type === 'charge.refunded' || event.type === 'charge.refund.updated') {
    const object = event.data.object as Stripe.Charge | Stripe.Refund
    const charge = (object.object === 'refund' ? { payment_intent: object.payment_intent } : object) as Stripe.Charge
    return { ...(await mirrorStripeRefunds(req, { tenant, account, charge })) }
  }
  if (SUBSCRIPTION_EVENTS.has(event.type)) {
    const subscription = (event.data.object as Stripe.Subscription).id
    return { ...(await syncStripeSubscription(req, { ...base, subscription })) }
  }
  if (INVOICE_EVENTS.has(event.type)) {
    const invoice = event.data.object as Stripe.Invoice
    const subscription = subscriptionOfInvoice(invoice)
    if (!subscription) return { outcome: 'ignored', reason: 'invoice without subscription' }
    // The subscription first: it links our row (from Checkout metadata) when this is its first event.
    const synced = await syncStripeSubscription(req, { ...base, subscription })
    const mirrored = await syncStripeInvoice(req, { tenant, account, invoice: invoice.id })
    return {
      outcome: synced.outcome,
      subscription: synced.subscription,
      invoice: mirrored.invoice,
      invoiceOutcome: mirrored.outcome,
    }
  }
  return { outcome: 'ignored', reason: `unhandled ${event.type}` }
}
