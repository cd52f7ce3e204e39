import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { payOrder } from '../operations/payOrder'

/** `POST /api/orders/:id/pay` with `{ method: 'cash' | 'terminal' }`: desk staff settle a pending order. */
export const payOrderEndpoint: Endpoint = {
  path: '/:id/pay',
  method: 'post',
  handler: endpointHandler(async (req, body) => payOrder(req, String(req.routeParams?.id ?? ''), body), {
    requireUser: true,
  }),
}
