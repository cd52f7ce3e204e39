import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import type { BookReservationInput } from '../contract'
import { quoteReservation } from '../operations/quoteReservation'

/** POST /api/reservations/quote (the body of `/book`) → the fee lines and total, confirmed or requested; writes nothing. */
export const quoteEndpoint: Endpoint = {
  path: '/quote',
  method: 'post',
  handler: endpointHandler(async (req, body) => quoteReservation(req, body as BookReservationInput), {
    requireUser: true,
  }),
}
