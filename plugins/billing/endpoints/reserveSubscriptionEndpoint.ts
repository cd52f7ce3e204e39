import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { reserveSubscription, type ReserveSubscriptionInput } from '../operations/reserveSubscription'

/** `POST /api/subscriptions/reserve` with `{ plan, priceKey, member? }`: reserve now, pay at the desk. */
export const reserveSubscriptionEndpoint: Endpoint = {
  path: '/reserve',
  method: 'post',
  handler: endpointHandler(async (req, body) => reserveSubscription(req, body as ReserveSubscriptionInput), {
    status: 201,
    requireUser: true,
  }),
}
