import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { refundOrder, type RefundOrderInput } from '../operations/refundOrder'

/** `POST /api/orders/:id/refund` with `{ amount?, reason, restock? }`. */
export const refundOrderEndpoint: Endpoint = {
  path: '/:id/refund',
  method: 'post',
  handler: endpointHandler(
    async (req, body) =>
      refundOrder(req, { ...(body as object), order: String(req.routeParams?.id ?? '') } as RefundOrderInput),
    { requireUser: true },
  ),
}
