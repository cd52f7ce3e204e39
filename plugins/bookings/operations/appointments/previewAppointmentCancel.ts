import type { PayloadRequest } from 'payload'
import type { AppointmentCancelPreview } from '../../contract'
import { appointmentCancelTerms } from './appointmentCancelTerms'
import { findAppointmentForCaller } from './findAppointmentForCaller'

/**
 * What `POST /api/appointments/:id/cancel` would give back now, changing nothing: the same terms
 * the cancel decides with (`appointmentCancelTerms`; 409 when it could not be cancelled).
 */
export const previewAppointmentCancel = async (
  req: PayloadRequest,
  appointmentId: string,
): Promise<AppointmentCancelPreview> => {
  const appointment = await findAppointmentForCaller(req, appointmentId)
  return { appointment, refund: appointmentCancelTerms(appointment).refund }
}
