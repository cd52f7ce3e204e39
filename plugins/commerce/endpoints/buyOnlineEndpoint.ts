import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { buyOnline } from '../operations/buyOnline'

/** `POST /api/orders/buy`: a signed-in member buys products online; the order holds stock while they pay on Stripe Checkout. */
export const buyOnlineEndpoint: Endpoint = {
  path: '/buy',
  method: 'post',
  handler: endpointHandler(async (req, body) => buyOnline(req, body as Parameters<typeof buyOnline>[1]), {
    status: 201,
    requireUser: true,
  }),
}
