import type { Endpoint } from 'payload'
import { cancelRsvp } from '../operations/events/cancelRsvp'
import { cancelByIdEndpoint } from './cancelByIdEndpoint'

/** POST /api/event-rsvps/:id/cancel → { rsvp, refund: { credits, money }, promoted }. */
export const cancelRsvpEndpoint: Endpoint = cancelByIdEndpoint((req, { id, reason }) =>
  cancelRsvp(req, { rsvpId: id, reason }),
)
