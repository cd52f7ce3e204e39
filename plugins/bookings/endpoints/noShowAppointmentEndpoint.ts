import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { markAppointmentNoShow } from '../operations/appointments/markAppointmentNoShow'
import { idParam } from './schemas'

/** POST /api/appointments/:id/no-show (desk staff, the provider) → { appointment, alreadyMarked }. */
export const noShowAppointmentEndpoint: Endpoint = {
  path: '/:id/no-show',
  method: 'post',
  handler: endpointHandler(async (req) => {
    const { id } = idParam.parse(req.routeParams)
    return markAppointmentNoShow(req, { appointmentId: id })
  }),
}
