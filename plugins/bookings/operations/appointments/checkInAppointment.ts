import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, OperationError, runSql } from '@/core'
import {
  appointmentColumns,
  type AppointmentRow,
  loadAppointment,
  toAppointmentJson,
  type AppointmentJson,
} from '../format/appointmentJson'
import { appointmentsTable } from '../sql/appointmentsTable'
import { bookingPolicy } from '../classes/bookingPolicy'
import { takesAttendance } from '../classes/takesAttendance'

/**
 * Marks a booked appointment's member (or guest) present: desk staff of the tenant or the
 * appointment's provider, from `checkInWindowMinutes` before the start until the end (the class
 * check-in window); idempotent. The appointment keeps holding the provider's time.
 */
export const checkInAppointment = async (
  req: PayloadRequest,
  input: { appointmentId: string },
): Promise<{ appointment: AppointmentJson; alreadyCheckedIn: boolean }> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const peek = await loadAppointment(req, input.appointmentId)
  if (!peek || !(await takesAttendance(req, peek.tenant, peek.provider)))
    throw new OperationError(404, 'not_found', 'No such appointment.')
  const appointment = (await loadAppointment(req, peek.id, true))!
  if (appointment.checkedInAt) return { appointment, alreadyCheckedIn: true }
  if (appointment.status !== 'booked') {
    throw new OperationError(
      409,
      'not_booked',
      `A ${appointment.status.replace('_', '-')} appointment cannot be checked in.`,
    )
  }
  const { checkInWindowMinutes } = await bookingPolicy(req, appointment.tenant)
  const now = Date.now()
  if (
    now < new Date(appointment.startTime).getTime() - checkInWindowMinutes * 60_000 ||
    now > new Date(appointment.endTime).getTime()
  ) {
    throw new OperationError(
      409,
      'outside_check_in_window',
      `Check-in opens ${checkInWindowMinutes} minutes before the appointment and closes when it ends.`,
    )
  }
  const a = appointmentsTable(req)
  const [row] = await runSql<AppointmentRow>(
    req,
    sql`UPDATE ${a.$table} SET ${a.checkedInAt} = now(), ${a.updatedAt} = now()
        WHERE ${a.id} = ${appointment.id} AND ${a.status} = 'booked' AND ${a.checkedInAt} IS NULL RETURNING ${appointmentColumns(a)}`,
  )
  const checkedIn = toAppointmentJson(row)
  await emit(req, {
    type: 'appointment.checked_in',
    tenant: appointment.tenant,
    subject: { collection: 'appointments', id: appointment.id },
    data: {
      service: appointment.service,
      provider: appointment.provider,
      member: appointment.member,
      guest: Boolean(appointment.guest),
    },
  })
  return { appointment: checkedIn, alreadyCheckedIn: false }
}
