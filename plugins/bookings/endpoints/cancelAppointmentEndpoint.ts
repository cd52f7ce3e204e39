import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { cancelAppointment } from '../operations/cancelAppointment'
import { idParam } from './schemas'

const body = z.object({ reason: z.string().max(500).optional() }).strict()

/** POST /api/appointments/:id/cancel → { appointment, refund: { credits, money } }. */
export const cancelAppointmentEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: endpointHandler(async (req, raw) => {
    const { id } = idParam.parse(req.routeParams)
    const { reason } = body.parse(raw)
    return cancelAppointment(req, { appointmentId: id, reason })
  }),
}
