import { defineSqlTable } from '@/core'

/** The `bookings` group this plugin adds to tenant-settings (the tenant's booking policy). */
export const bookingSettingsTable = defineSqlTable('tenant-settings', {
  tenant: 'tenant',
  lateCancelMinutes: 'bookings.lateCancelMinutes',
  bookingWindowDays: 'bookings.bookingWindowDays',
  checkInWindowMinutes: 'bookings.checkInWindowMinutes',
  freeLateCancelsPerMonth: 'bookings.freeLateCancelsPerMonth',
  lateCancelFeeAmount: 'bookings.lateCancelFee.amount',
  lateCancelFeeCurrency: 'bookings.lateCancelFee.currency',
  claimWindowMinutes: 'bookings.claimWindowMinutes',
  publicGuestBooking: 'bookings.publicGuestBooking',
  publicEventRsvp: 'bookings.publicEventRsvp',
  guestBookingsPerEmail: 'bookings.guestBookingsPerEmail',
})
