import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { checkout, type CheckoutInput } from '../operations/checkout'

/** `POST /api/orders/checkout`: a POS sale by desk staff (see README for the body). */
export const checkoutEndpoint: Endpoint = {
  path: '/checkout',
  method: 'post',
  handler: endpointHandler(async (req, body) => checkout(req, body as CheckoutInput), {
    status: 201,
    requireUser: true,
  }),
}
