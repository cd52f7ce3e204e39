import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { cancelRsvp } from '../operations/cancelRsvp'
import { idParam } from './schemas'

const body = z.object({ reason: z.string().max(500).optional() }).strict()

/** POST /api/event-rsvps/:id/cancel → { rsvp, refund: { credits, money } }. */
export const cancelRsvpEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: endpointHandler(async (req, raw) => {
    const { id } = idParam.parse(req.routeParams)
    const { reason } = body.parse(raw)
    return cancelRsvp(req, { rsvpId: id, reason })
  }),
}
