import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { checkInAppointment } from '../operations/appointments/checkInAppointment'
import { idParam } from './schemas'

/** POST /api/appointments/:id/check-in (desk staff, the provider) → { appointment, alreadyCheckedIn }. */
export const checkInAppointmentEndpoint: Endpoint = {
  path: '/:id/check-in',
  method: 'post',
  handler: endpointHandler(async (req) => {
    const { id } = idParam.parse(req.routeParams)
    return checkInAppointment(req, { appointmentId: id })
  }),
}
