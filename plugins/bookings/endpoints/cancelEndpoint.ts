import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler, leanEndpoint } from '@/core'
import { cancelBooking } from '../operations/cancelBooking'
import { idParam } from './schemas'

const body = z.object({ reason: z.string().max(500).optional() }).strict()

/** POST /api/bookings/:id/cancel → { booking, lateCancel, fee }. */
export const cancelEndpoint: Endpoint = leanEndpoint({
  path: '/:id/cancel',
  method: 'post',
  handler: endpointHandler(async (req, raw) => {
    const { id } = idParam.parse(req.routeParams)
    const { reason } = body.parse(raw)
    const { booking, lateCancel, fee } = await cancelBooking(req, { bookingId: id, reason })
    return { booking, lateCancel, fee }
  }),
})
