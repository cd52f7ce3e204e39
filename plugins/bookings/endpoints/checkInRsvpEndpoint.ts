import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { checkInRsvp } from '../operations/events/checkInRsvp'
import { idParam } from './schemas'

/** POST /api/event-rsvps/:id/check-in (desk staff) → { rsvp, alreadyCheckedIn }. */
export const checkInRsvpEndpoint: Endpoint = {
  path: '/:id/check-in',
  method: 'post',
  handler: endpointHandler(async (req) => {
    const { id } = idParam.parse(req.routeParams)
    return checkInRsvp(req, { rsvpId: id })
  }),
}
