import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { guestSchema } from '../fields/guestFields'
import { rsvpEvent } from '../operations/events/rsvpEvent'
import { idParam, uuid } from './schemas'

const body = z
  .object({
    member: uuid.optional(),
    guests: z.number().int().min(0).max(20).optional(),
    guest: guestSchema.optional(),
  })
  .strict()
  .refine((b) => !(b.member && b.guest), { message: 'give `member` or `guest`, not both', path: ['guest'] })

/** POST /api/events/:id/rsvp { member? | guest?, guests? } → 201 { rsvp }. */
export const rsvpEndpoint: Endpoint = {
  path: '/:id/rsvp',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      const { id } = idParam.parse(req.routeParams)
      return { rsvp: await rsvpEvent(req, { eventId: id, ...body.parse(raw) }) }
    },
    { status: 201 },
  ),
}
