import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { startOrderCheckout } from '../operations/startOrderCheckout'

/** `POST /api/orders/:id/stripe-checkout`: desk staff get a Stripe Checkout page for a pending order. */
export const orderCheckoutEndpoint: Endpoint = {
  path: '/:id/stripe-checkout',
  method: 'post',
  handler: endpointHandler(async (req) => startOrderCheckout(req, String(req.routeParams?.id ?? '')), {
    status: 201,
    requireUser: true,
  }),
}
