import type { Config } from 'payload'
import { subscribe } from '@/core'
import { checkoutEndpoint } from './endpoints/checkoutEndpoint'
import { connectEndpoint } from './endpoints/connectEndpoint'
import { portalEndpoint } from './endpoints/portalEndpoint'
import { stripeWebhookEndpoint } from './endpoints/stripeWebhookEndpoint'
import { processStripeEventTask } from './jobs/processStripeEventTask'
import { reconcileStripeTask } from './jobs/reconcileStripeTask'
import { sendDunningNoticeTask } from './jobs/sendDunningNoticeTask'
import { syncStripePricesTask } from './jobs/syncStripePricesTask'
import { refundStripePayment } from './operations/refundStripePayment'

export { stripeClient } from './stripeClient'
export { applyStripeEvent } from './operations/applyStripeEvent'
export { processStripeWebhook } from './operations/processStripeWebhook'

/**
 * The Stripe adapter of billing: checkout and portal endpoints, the webhook, the jobs that
 * process events and mail dunning notices, and refunds of Stripe payments sent on to Stripe.
 * Always installed; without STRIPE_SECRET_KEY the endpoints answer 409 `stripe_not_configured`
 * and billing stays manual.
 */
export const withStripe = (config: Config): Config =>
  subscribe(
    {
      ...config,
      endpoints: [
        ...(config.endpoints ?? []),
        checkoutEndpoint,
        portalEndpoint,
        stripeWebhookEndpoint,
        connectEndpoint,
      ],
      jobs: {
        ...config.jobs,
        tasks: [
          ...(config.jobs?.tasks ?? []),
          processStripeEventTask,
          sendDunningNoticeTask,
          syncStripePricesTask,
          reconcileStripeTask,
        ],
      },
    },
    { name: 'billing.stripeRefund', event: 'payment.refunded', handler: refundStripePayment },
  )
