import type { Endpoint } from 'payload'
import { endpointHandler, leanEndpoint } from '@/core'
import { checkInBooking } from '../operations/classes/checkInBooking'
import { idParam } from './schemas'

/** POST /api/bookings/:id/check-in (desk staff, instructors) → { booking, alreadyCheckedIn }. */
export const checkInEndpoint: Endpoint = leanEndpoint({
  path: '/:id/check-in',
  method: 'post',
  handler: endpointHandler(async (req) => {
    const { id } = idParam.parse(req.routeParams)
    return checkInBooking(req, { bookingId: id })
  }),
})
