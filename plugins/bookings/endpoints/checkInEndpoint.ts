import type { Endpoint } from 'payload'
import { checkInBooking } from '../operations/checkInBooking'
import { idParam } from './schemas'
import { withTransaction } from './withTransaction'

/** POST /api/bookings/:id/check-in (desk staff, instructors) → { booking, alreadyCheckedIn }. */
export const checkInEndpoint: Endpoint = {
  path: '/:id/check-in',
  method: 'post',
  handler: (req) =>
    withTransaction(req, async () => {
      const { id } = idParam.parse(req.routeParams)
      const result = await checkInBooking(req, { bookingId: id })
      return Response.json(result)
    }),
}
