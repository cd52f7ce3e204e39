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
import { takesAttendance } from '../classes/takesAttendance'

/**
 * Marks a booked, not checked-in appointment `no_show` once it has started (desk staff of the
 * tenant or its provider); idempotent. Bookings has no no-show fee (classes have none either).
 */
export const markAppointmentNoShow = async (
  req: PayloadRequest,
  input: { appointmentId: string },
): Promise<{ appointment: AppointmentJson; alreadyMarked: boolean }> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const peek = await loadAppointment(req, input.appointmentId)
  if (!peek || !(await takesAttendance(req, peek.tenant, peek.provider)))
    throw new OperationError(404, 'not_found', 'No such appointment.')
  const appointment = (await loadAppointment(req, peek.id, true))!
  if (appointment.status === 'no_show') return { appointment, alreadyMarked: true }
  if (appointment.status !== 'booked') {
    throw new OperationError(
      409,
      'not_booked',
      `A ${appointment.status.replace('_', '-')} appointment cannot be marked as a no-show.`,
    )
  }
  if (appointment.checkedInAt)
    throw new OperationError(409, 'checked_in', 'This appointment was checked in; it is not a no-show.')
  if (new Date(appointment.startTime).getTime() > Date.now()) {
    throw new OperationError(409, 'not_started', 'A no-show can be marked once the appointment has started.')
  }
  const a = appointmentsTable(req)
  const [row] = await runSql<AppointmentRow>(
    req,
    sql`UPDATE ${a.$table} SET ${a.status} = 'no_show', ${a.updatedAt} = now()
        WHERE ${a.id} = ${appointment.id} AND ${a.status} = 'booked' AND ${a.checkedInAt} IS NULL RETURNING ${appointmentColumns(a)}`,
  )
  await emit(req, {
    type: 'appointment.no_show',
    tenant: appointment.tenant,
    subject: { collection: 'appointments', id: appointment.id },
    data: {
      service: appointment.service,
      provider: appointment.provider,
      member: appointment.member,
      guest: Boolean(appointment.guest),
      markedBy: 'staff',
    },
  })
  return { appointment: toAppointmentJson(row), alreadyMarked: false }
}
