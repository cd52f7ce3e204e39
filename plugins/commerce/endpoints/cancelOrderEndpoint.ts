import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { cancelOrder } from '../operations/cancelOrder'

/** `POST /api/orders/:id/cancel`: desk staff cancel a pending order (stock and coupon use released). */
export const cancelOrderEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: endpointHandler(async (req) => cancelOrder(req, String(req.routeParams?.id ?? '')), { requireUser: true }),
}
