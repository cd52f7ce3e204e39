import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, OperationError, runSql } from '@/core'
import { refundCreditsPort, refundPaymentPort } from '@plugins/bookings/contract'
import { appointmentCancelTerms } from './appointmentCancelTerms'
import {
  appointmentColumns,
  type AppointmentRow,
  loadAppointment,
  toAppointmentJson,
  type AppointmentJson,
} from '../format/appointmentJson'
import { appointmentsTable } from '../sql/appointmentsTable'
import { findAppointmentForCaller } from './findAppointmentForCaller'

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
  const peek = await findAppointmentForCaller(req, input.appointmentId)
  return cancelAppointmentRow(req, { appointmentId: peek.id, reason: input.reason })
}

/** Cancels a booked appointment the caller may cancel (row locked; refunds as above; emits `appointment.cancelled`). */
export const cancelAppointmentRow = async (
  req: PayloadRequest,
  input: { appointmentId: string; reason?: string },
): Promise<CancelAppointmentResult> => {
  const appointment = (await loadAppointment(req, input.appointmentId, true))!
  const terms = appointmentCancelTerms(appointment)
  const a = appointmentsTable(req)
  const [row] = await runSql<AppointmentRow>(
    req,
    sql`UPDATE ${a.$table} SET ${a.status} = 'cancelled', ${a.cancelledAt} = now(), ${a.cancellationReason} = ${input.reason ?? null}, ${a.updatedAt} = now()
        WHERE ${a.id} = ${appointment.id} AND ${a.status} = 'booked' RETURNING ${appointmentColumns(a)}`,
  )
  if (!row) throw new OperationError(409, 'not_cancellable', 'This appointment was already cancelled.')
  const ref = { collection: 'appointments', id: appointment.id }
  const refund: CancelAppointmentResult['refund'] = { credits: null, money: null }
  if (terms.refund.kind === 'credits' && appointment.member) {
    const back = await callPort(req, refundCreditsPort, {
      tenant: appointment.tenant,
      member: appointment.member,
      ref,
      reason: 'Appointment cancelled',
    })
    if (back.ok) refund.credits = back.credits
  } else if (terms.refund.kind === 'money') {
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
