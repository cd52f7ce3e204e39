import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import type { CheckoutInput } from '../operations/checkout'
import { quoteOrder } from '../operations/quoteOrder'

/** `POST /api/orders/quote`: the checkout body → `{ quote }` with the totals checkout would charge; writes nothing. */
export const quoteEndpoint: Endpoint = {
  path: '/quote',
  method: 'post',
  handler: endpointHandler(async (req, body) => quoteOrder(req, body as CheckoutInput), { requireUser: true }),
}
