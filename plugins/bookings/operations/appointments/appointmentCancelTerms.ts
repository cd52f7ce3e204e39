import { OperationError } from '@/core'
import type { RefundPlan } from '../../contract'
import type { AppointmentJson } from '../format/appointmentJson'

/**
 * What cancelling `appointment` (booked, not started; else 409) gives back, the one rule the cancel
 * and its preview decide with: a member's appointment paid with credits gets its credits back
 * through `credits.refund`; otherwise a price not free is refunded through `payments.refund`;
 * anything else costs nothing.
 */
export const appointmentCancelTerms = (
  appointment: Pick<AppointmentJson, 'status' | 'startTime' | 'member' | 'paymentMethod' | 'price' | 'creditCost'>,
  now = new Date(),
): { refund: RefundPlan } => {
  if (appointment.status !== 'booked')
    throw new OperationError(409, 'not_cancellable', `This appointment is ${appointment.status.replace('_', ' ')}.`)
  if (new Date(appointment.startTime).getTime() <= now.getTime())
    throw new OperationError(409, 'appointment_started', 'The appointment has started; ask the desk.')
  if (appointment.paymentMethod === 'credits' && appointment.member)
    return { refund: { kind: 'credits', credits: appointment.creditCost ?? 0 } }
  if (appointment.price && appointment.price.amount > 0 && appointment.paymentMethod !== 'free')
    return { refund: { kind: 'money', amount: appointment.price.amount, currency: appointment.price.currency } }
  return { refund: { kind: 'none' } }
}
