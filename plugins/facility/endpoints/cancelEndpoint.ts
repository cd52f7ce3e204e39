import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { cancelReservation } from '../operations/cancelReservation'
import { emptyBody, idParam } from './schemas'

/** POST /api/reservations/:id/cancel → 200 the cancelled reservation (door code cleared); 409 when not active. */
export const cancelEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => {
      emptyBody.parse(body)
      return cancelReservation(req, idParam.parse(req.routeParams).id)
    },
    { status: 200, requireUser: true },
  ),
}
