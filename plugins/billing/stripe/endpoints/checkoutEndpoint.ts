import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { createCheckoutSession } from '../operations/createCheckoutSession'

/** `POST /api/billing/checkout`: a signed-in member gets a Stripe Checkout page for a plan price or a product. */
export const checkoutEndpoint: Endpoint = {
  path: '/billing/checkout',
  method: 'post',
  handler: endpointHandler((req, body) => createCheckoutSession(req, body), { status: 201, requireUser: true }),
}
