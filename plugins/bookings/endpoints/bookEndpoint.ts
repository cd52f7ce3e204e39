import type { Endpoint } from 'payload'
import { z } from 'zod'
import { bookClass } from '../operations/bookClass'
import { idParam, jsonBody, uuid } from './schemas'
import { withTransaction } from './withTransaction'

const body = z.object({ member: uuid.optional(), attendanceType: z.enum(['in_person', 'virtual']).optional() }).strict()

/** POST /api/classes/:id/book → 201 { booking } (confirmed, or waitlisted with waitlistPosition). */
export const bookEndpoint: Endpoint = {
  path: '/:id/book',
  method: 'post',
  handler: (req) =>
    withTransaction(req, async () => {
      const { id } = idParam.parse(req.routeParams)
      const input = body.parse(await jsonBody(req))
      const booking = await bookClass(req, { classId: id, ...input })
      return Response.json({ booking }, { status: 201 })
    }),
}
