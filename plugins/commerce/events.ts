import type { Config } from 'payload'
import { defineEvents, subscribe, type Subscriber } from '@/core'
import { commerceEventSchemas } from './contract'
import { expireStripeOrder } from './operations/expireStripeOrder'
import { mirrorPaymentRefund } from './operations/mirrorPaymentRefund'
import { receiptMessage } from './operations/receiptMessage'
import { recordStripeOrder } from './operations/recordStripeOrder'

/** Sends the receipt asked for with `POST /api/orders/:id/receipt` through Payload's e-mail adapter. */
export const sendReceiptSubscriber: Subscriber<'order.receipt_requested'> = {
  name: 'commerce.sendReceipt',
  event: 'order.receipt_requested',
  handler: async (event, { req }) => {
    const { order, to } = event.data
    const message = await receiptMessage(req, order)
    if (!message) return // the order no longer exists: nothing to send
    await req.payload.sendEmail({ to, ...message })
  },
}

/** A product Checkout paid in Stripe (billing's `payment.checkout_completed`) becomes a paid, fulfilled online order, once. */
export const stripeOrderSubscriber: Subscriber<'payment.checkout_completed'> = {
  name: 'commerce.stripeOrder',
  event: 'payment.checkout_completed',
  handler: recordStripeOrder,
}

/** A refund made in Stripe (billing's `payment.refunded_at_provider`) is mirrored onto the order. */
export const paymentRefundSubscriber: Subscriber<'payment.refunded_at_provider'> = {
  name: 'commerce.mirrorPaymentRefund',
  event: 'payment.refunded_at_provider',
  handler: mirrorPaymentRefund,
}

/** A Stripe Checkout for an order expired unpaid (billing's `payment.checkout_expired`): the held order is cancelled. */
export const checkoutExpiredSubscriber: Subscriber<'payment.checkout_expired'> = {
  name: 'commerce.checkoutExpired',
  event: 'payment.checkout_expired',
  handler: expireStripeOrder,
}

/**
 * The events commerce emits, registered with their zod schemas (declared with their payload types
 * in contract.ts, `// ---- Events ----`), and the events it consumes (billing's payments, its own
 * receipts). Billing's events come from billing's contract; without billing they never arrive.
 */
export const withCommerceEvents = (config: Config): Config =>
  subscribe(
    defineEvents(config, commerceEventSchemas),
    sendReceiptSubscriber,
    stripeOrderSubscriber,
    paymentRefundSubscriber,
    checkoutExpiredSubscriber,
  )
