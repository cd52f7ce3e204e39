import type { PayloadRequest } from 'payload'
import type { AppointmentJson } from '../format/appointmentJson'
import { cancelAppointmentRow } from '../appointments/cancelAppointment'
import { cancelRsvpRow } from '../events/cancelRsvp'
import type { RsvpJson } from '../format/eventJson'
import { findGuestBooking } from './findGuestBooking'

export type CancelGuestBookingResult =
  | { cancelled: 'event-rsvps'; rsvp: RsvpJson; promoted: string[] }
  | { cancelled: 'appointments'; appointment: AppointmentJson }

/**
 * Cancels a guest booking by the token of its cancel link, without an account: the token's
 * sha256 finds the RSVP or appointment, which is then cancelled exactly as desk staff would
 * (same locks, refunds, waitlist promotion, events; `cancellationReason: cancelled_by_guest`).
 * 409 `not_cancellable` once cancelled, 409 `event_started` / `appointment_started` after the start.
 */
export const cancelGuestBooking = async (
  req: PayloadRequest,
  input: { token: string },
): Promise<CancelGuestBookingResult> => {
  const booking = await findGuestBooking(req, input.token)
  if (booking.collection === 'event-rsvps') {
    const { rsvp, promoted } = await cancelRsvpRow(req, {
      rsvp: { id: booking.id, event: booking.parent },
      reason: 'cancelled_by_guest',
    })
    return { cancelled: 'event-rsvps', rsvp, promoted }
  }
  const { appointment } = await cancelAppointmentRow(req, { appointmentId: booking.id, reason: 'cancelled_by_guest' })
  return { cancelled: 'appointments', appointment }
}
