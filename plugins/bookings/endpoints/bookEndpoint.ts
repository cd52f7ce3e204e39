import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler, leanEndpoint } from '@/core'
import { bookClass } from '../operations/classes/bookClass'
import { idParam, uuid } from './schemas'

const body = z.object({ member: uuid.optional(), attendanceType: z.enum(['in_person', 'virtual']).optional() }).strict()

/** POST /api/classes/:id/book → 201 { booking } (confirmed, or waitlisted with waitlistPosition). A hot path: lean. */
export const bookEndpoint: Endpoint = leanEndpoint({
  path: '/:id/book',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      const { id } = idParam.parse(req.routeParams)
      const input = body.parse(raw)
      return { booking: await bookClass(req, { classId: id, ...input }) }
    },
    { status: 201 },
  ),
})
