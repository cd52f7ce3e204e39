import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, OperationError, runSql } from '@/core'
import { refundCreditsPort, refundPaymentPort } from '@plugins/bookings/contract'
import { APPOINTMENT_COLUMNS, loadAppointment, toAppointmentJson, type AppointmentJson } from './appointmentJson'
import { ownsOrWorksDesk } from './resolveBookingMember'
import { takesAttendance } from './takesAttendance'

export type CancelAppointmentResult = {
  appointment: AppointmentJson
  refund: { credits: number | null; money: { amount: number; currency: string } | null }
}

/**
 * Cancels a booked appointment (its member or desk staff of the tenant; a guest's: desk staff, or the guest's cancel link; others get 404):
 * credits go back through `credits.refund`, money through `payments.refund`.
 */
export const cancelAppointment = async (
  req: PayloadRequest,
  input: { appointmentId: string; reason?: string },
): Promise<CancelAppointmentResult> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const peek = await loadAppointment(req, input.appointmentId)
  // A guest's appointment (no member) is the desk's to cancel.
  if (
    !peek ||
    !(peek.member ? await ownsOrWorksDesk(req, peek.tenant, peek.member) : await takesAttendance(req, peek.tenant))
  )
    throw new OperationError(404, 'not_found', 'No such appointment.')
  return cancelAppointmentRow(req, { appointmentId: peek.id, reason: input.reason })
}

/** Cancels a booked appointment the caller may cancel (row locked; refunds as above; emits `appointment.cancelled`). */
export const cancelAppointmentRow = async (
  req: PayloadRequest,
  input: { appointmentId: string; reason?: string },
): Promise<CancelAppointmentResult> => {
  const appointment = (await loadAppointment(req, input.appointmentId, true))!
  if (appointment.status !== 'booked')
    throw new OperationError(409, 'not_cancellable', `This appointment is ${appointment.status.replace('_', ' ')}.`)
  if (new Date(appointment.startTime).getTime() <= Date.now())
    throw new OperationError(409, 'appointment_started', 'The appointment has started; ask the desk.')
  const [row] = await runSql(
    req,
    sql`UPDATE appointments SET status = 'cancelled', cancelled_at = now(), cancellation_reason = ${input.reason ?? null}, updated_at = now()
        WHERE id = ${appointment.id} AND status = 'booked' RETURNING ${APPOINTMENT_COLUMNS}`,
  )
  if (!row) throw new OperationError(409, 'not_cancellable', 'This appointment was already cancelled.')
  const ref = { collection: 'appointments', id: appointment.id }
  const refund: CancelAppointmentResult['refund'] = { credits: null, money: null }
  if (appointment.paymentMethod === 'credits' && appointment.member) {
    const back = await callPort(req, refundCreditsPort, {
      tenant: appointment.tenant,
      member: appointment.member,
      ref,
      reason: 'Appointment cancelled',
    })
    if (back.ok) refund.credits = back.credits
  } else if (appointment.price && appointment.price.amount > 0 && appointment.paymentMethod !== 'free') {
    const back = await callPort(req, refundPaymentPort, {
      tenant: appointment.tenant,
      ref,
      reason: 'Appointment cancelled',
    })
    if (!back.ok) throw new OperationError(502, back.code, back.reason)
    refund.money = back.refunded
  }
  await emit(req, {
    type: 'appointment.cancelled',
    tenant: appointment.tenant,
    subject: { collection: 'appointments', id: appointment.id },
    data: {
      service: appointment.service,
      provider: appointment.provider,
      member: appointment.member,
      startTime: appointment.startTime,
      refund,
    },
  })
  return { appointment: toAppointmentJson(row), refund }
}
