import type { BookingPolicy, BookingsOptions } from './types'

export const defaultOptions: Required<BookingsOptions> = {
  materializeDaysAhead: 28,
  materializeCron: '0 0 3 * * *',
  completeCron: '0 */5 * * * *',
  expireOffersCron: '0 * * * * *',
  queue: 'default',
}

export const defaultPolicy: BookingPolicy = {
  lateCancelMinutes: 720,
  bookingWindowDays: 30,
  checkInWindowMinutes: 60,
  freeLateCancelsPerMonth: 0,
  lateCancelFee: null,
  claimWindowMinutes: 0,
}

/** Upcoming guest appointments one e-mail address may hold when visitors book themselves (tenant-settings.bookings.guestBookingsPerEmail). */
export const GUEST_BOOKINGS_PER_EMAIL = 2

/** Bookings that hold a place (and are unique per class and member). */
export const ACTIVE_STATUSES = ['confirmed', 'waitlisted', 'checked_in'] as const
