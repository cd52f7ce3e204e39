import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { replayDelivery } from '../operations/webhooks/replayDelivery'

/** `POST /api/webhook-deliveries/:id/replay`: re-queues a delivery (managers). */
export const replayDeliveryEndpoint: Endpoint = {
  path: '/:id/replay',
  method: 'post',
  handler: endpointHandler(async (req) => replayDelivery(req, String(req.routeParams?.id ?? '')), {
    status: 202,
    requireUser: true,
  }),
}
