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
  'class.completed': '{ noShows }',
} as const
