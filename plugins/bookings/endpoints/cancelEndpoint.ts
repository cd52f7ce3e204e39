import type { Endpoint } from 'payload'
import { z } from 'zod'
import { cancelBooking } from '../operations/cancelBooking'
import { idParam, jsonBody } from './schemas'
import { withTransaction } from './withTransaction'

const body = z.object({ reason: z.string().max(500).optional() }).strict()

/** POST /api/bookings/:id/cancel → { booking, lateCancel, fee }. */
export const cancelEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: (req) =>
    withTransaction(req, async () => {
      const { id } = idParam.parse(req.routeParams)
      const { reason } = body.parse(await jsonBody(req))
      const { booking, lateCancel, fee } = await cancelBooking(req, { bookingId: id, reason })
      return Response.json({ booking, lateCancel, fee })
    }),
}
