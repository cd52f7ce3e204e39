import type { PayloadRequest } from 'payload'
import { OperationError } from '@/core'
import { loadAppointment, type AppointmentJson } from '../format/appointmentJson'
import { ownsOrWorksDesk } from '../shared/resolveBookingMember'
import { takesAttendance } from '../classes/takesAttendance'

/** The appointment for its member or desk staff of its tenant (a guest's: desk staff only); 401 signed out, 404 for anyone else. */
export const findAppointmentForCaller = async (
  req: PayloadRequest,
  appointmentId: string,
): Promise<AppointmentJson> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const appointment = await loadAppointment(req, appointmentId)
  // A guest's appointment (no member) is the desk's to cancel.
  if (
    !appointment ||
    !(appointment.member
      ? await ownsOrWorksDesk(req, appointment.tenant, appointment.member)
      : await takesAttendance(req, appointment.tenant))
  )
    throw new OperationError(404, 'not_found', 'No such appointment.')
  return appointment
}
