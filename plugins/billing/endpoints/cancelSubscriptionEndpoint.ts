import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { cancelSubscription } from '../operations/cancelSubscription'

/** `POST /api/subscriptions/:id/cancel` with `{ atPeriodEnd }` (default true): the member or desk staff. */
export const cancelSubscriptionEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: endpointHandler(async (req, body) => cancelSubscription(req, String(req.routeParams?.id ?? ''), body), {
    requireUser: true,
  }),
}
