import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { checkInReservation } from '../operations/checkInReservation'
import { emptyBody, idParam } from './schemas'

/** POST /api/reservations/:id/check-in (desk staff) → 200 { reservation, participants, guestsCheckedIn, localDate }. */
export const checkInEndpoint: Endpoint = {
  path: '/:id/check-in',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => {
      emptyBody.parse(body)
      return checkInReservation(req, idParam.parse(req.routeParams).id)
    },
    { status: 200, requireUser: true },
  ),
}
