import type { Endpoint, PayloadRequest } from 'payload'
import { endpointHandler } from '@/core'
import { receiveStripeWebhook } from '../operations/receiveStripeWebhook'

/**
 * `POST /api/billing/stripe/webhook`: Stripe (Connect) events. The raw body is read first (the
 * signature covers the exact bytes), then the usual handler verifies, records and queues.
 */
export const stripeWebhookEndpoint: Endpoint = {
  path: '/billing/stripe/webhook',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const raw = req.text ? await req.text() : ''
    const signature = req.headers.get('stripe-signature')
    return endpointHandler((r) => receiveStripeWebhook(r, { raw, signature }))(req)
  },
}
