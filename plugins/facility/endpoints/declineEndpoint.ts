import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { declineReservation } from '../operations/declineReservation'
import { emptyBody, idParam } from './schemas'

/** POST /api/reservations/:id/decline (desk staff) → 200 the declined request (the bay is free again). */
export const declineEndpoint: Endpoint = {
  path: '/:id/decline',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => {
      emptyBody.parse(body)
      return declineReservation(req, idParam.parse(req.routeParams).id)
    },
    { status: 200, requireUser: true },
  ),
}
