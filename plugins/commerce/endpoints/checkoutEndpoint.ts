import type { Endpoint } from 'payload'
import { respond } from '@plugins/billing'
import { checkout, type CheckoutInput } from '../operations/checkout'

/** `POST /api/orders/checkout`: a POS sale by desk staff (see README for the body). */
export const checkoutEndpoint: Endpoint = {
  path: '/checkout',
  method: 'post',
  handler: respond(async (req, body) => checkout(req, body as CheckoutInput), 201),
}
