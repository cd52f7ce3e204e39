/**
 * Events the bookings plugin emits (all carry tenant and subject; data listed here).
 * It subscribes to none yet.
 */
export const BOOKING_EVENTS = {
  'booking.created': '{ class, member, status: confirmed, paymentMethod, startTime }',
  'booking.waitlisted': '{ class, member, status: waitlisted, waitlistPosition, paymentMethod, startTime }',
  'booking.promoted': '{ class, member, paymentMethod }',
  'booking.cancelled': '{ class, member, late, fee, previousStatus | reason }',
  'booking.checked_in': '{ class, member }',
  'class.cancelled': '{ reason, bookingsCancelled }',
  'booking.offered': '{ class, member, offerExpiresAt }',
  'booking.claimed': '{ class, member, paymentMethod }',
  'booking.offer_expired': '{ class, member }',
  'class.completed': '{ noShows }',
  'appointment.booked': '{ service, provider, member, startTime, endTime, paymentMethod }',
  'appointment.cancelled': '{ service, provider, member, startTime, refund: { credits, money } }',
  'appointment.completed': '{ service, provider, member }',
  'event.rsvp_created': '{ event, member, guests, paymentMethod, startTime }',
  'event.rsvp_cancelled': '{ event, member, guests, refund, reason }',
  'event.cancelled': '{ reason, rsvpsCancelled, failedRefunds: [{ rsvp, code, reason }] }',
} as const
