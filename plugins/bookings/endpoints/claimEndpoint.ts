import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { claimOffer } from '../operations/classes/claimOffer'
import { idParam } from './schemas'

/** POST /api/bookings/:id/claim → { booking } (confirmed): takes an offered waitlist place before it expires. */
export const claimEndpoint: Endpoint = {
  path: '/:id/claim',
  method: 'post',
  handler: endpointHandler(async (req) => {
    const { id } = idParam.parse(req.routeParams)
    return { booking: await claimOffer(req, { bookingId: id }) }
  }),
}
