import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { reserveOrder, type ReserveOrderInput } from '../operations/reserveOrder'

/** `POST /api/orders/reserve` with `{ tenant?, lines, coupon? }`: a member reserves, the desk settles later. */
export const reserveOrderEndpoint: Endpoint = {
  path: '/reserve',
  method: 'post',
  handler: endpointHandler(async (req, body) => reserveOrder(req, body as ReserveOrderInput), {
    status: 201,
    requireUser: true,
  }),
}
