/** Options of `bookingsPlugin()`. */
export type BookingsOptions = {
  /** How many days ahead the series job materialises classes. Default 28. */
  materializeDaysAhead?: number
  /** Cron (with seconds) of the series materialisation task. Default daily at 03:00 UTC. */
  materializeCron?: string
  /** Cron (with seconds) of the task that completes finished classes. Default every 5 minutes. */
  completeCron?: string
  /** Cron (with seconds) of the task that passes expired waitlist offers on. Default every minute. */
  expireOffersCron?: string
  /** Queue the scheduled tasks run on. Default `default`. */
  queue?: string
}

export type BookingStatus =
  | 'confirmed'
  | 'waitlisted'
  | 'offered'
  | 'cancelled'
  | 'late_cancelled'
  | 'checked_in'
  | 'no_show'

/** The booking policy of a tenant (tenant-settings.bookings, defaults applied). */
export type BookingPolicy = {
  lateCancelMinutes: number
  bookingWindowDays: number
  checkInWindowMinutes: number
  freeLateCancelsPerMonth: number
  lateCancelFee: { amount: number; currency: string } | null
  /** Minutes a waitlisted member has to claim a freed place; 0 = promoted directly. */
  claimWindowMinutes: number
}
