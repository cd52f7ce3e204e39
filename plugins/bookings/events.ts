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
  'appointment.booked':
    '{ service, provider, member (null for a guest), guest, startTime, endTime, paymentMethod, capacity }',
  'appointment.cancelled': '{ service, provider, member, startTime, refund: { credits, money } }',
  'appointment.completed': '{ service, provider, member } (ended and checked in)',
  'appointment.checked_in': '{ service, provider, member, guest }',
  'appointment.no_show': '{ service, provider, member, guest?, markedBy: staff | job }',
  'event.rsvp_created':
    '{ event, member (null for a guest), guest, guests, paymentMethod, startTime, waitlistPosition: null }',
  'event.rsvp_cancelled': '{ event, member, guests, refund, reason, previousStatus? }',
  'rsvp.waitlisted': '{ event, member (null for a guest), guest, guests, paymentMethod, startTime, waitlistPosition }',
  'rsvp.promoted': '{ event, member, guests, paymentMethod }',
  'rsvp.checked_in': '{ event, member, guests }',
  'rsvp.no_show': '{ event, member }',
  'event.cancelled': '{ reason, rsvpsCancelled, failedRefunds: [{ rsvp, code, reason }] }',
} as const
