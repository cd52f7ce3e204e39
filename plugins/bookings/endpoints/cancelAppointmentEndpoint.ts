import type { Endpoint } from 'payload'
import { cancelAppointment } from '../operations/appointments/cancelAppointment'
import { cancelByIdEndpoint } from './cancelByIdEndpoint'

/** POST /api/appointments/:id/cancel → { appointment, refund: { credits, money } }. */
export const cancelAppointmentEndpoint: Endpoint = cancelByIdEndpoint((req, { id, reason }) =>
  cancelAppointment(req, { appointmentId: id, reason }),
)
