import { formatMoney, type Money } from '@/core/money/money'
/** Display helpers shared by the site's pages (times always in the given IANA zone). */

export const dateTime = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso))

export const shortDateTime = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso))

export const clock = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso))

export const zoneAbbr = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((part) => part.type === 'timeZoneName')?.value ?? zone

export const day = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'short', day: 'numeric', year: 'numeric' }).format(
    new Date(iso),
  )

/** Integer minor units + ISO currency → "$5.00". */
export const money = (value: Money | null | undefined) => (value ? formatMoney(value) : '')

export const BOOKING_STATUS: Record<string, string> = {
  confirmed: 'Booked',
  waitlisted: 'On the waitlist',
  cancelled: 'Cancelled',
  late_cancelled: 'Late cancelled',
  checked_in: 'Checked in',
  no_show: 'Missed',
  offered: 'Place offered',
}

export const SUBSCRIPTION_STATUS: Record<string, string> = {
  incomplete: 'Reserved – pay at the front desk',
  trialing: 'Free trial',
  active: 'Active',
  past_due: 'Payment overdue',
  paused: 'Paused',
  canceled: 'Ended',
}

export const INVOICE_STATUS: Record<string, string> = {
  draft: 'Draft',
  open: 'To pay',
  paid: 'Paid',
  void: 'Void',
  uncollectible: 'Unpaid',
}

export const ORDER_STATUS: Record<string, string> = {
  pending: 'To pay',
  paid: 'Paid',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
  canceled: 'Cancelled',
  failed: 'Failed',
}

/** A plan price's period: "month", "3 months", "one payment". */
export const interval = (unit: string, count: number | null | undefined) =>
  unit === 'one_time' ? 'one payment' : (count ?? 1) === 1 ? unit : `${count} ${unit}s`

/** A date and time with the zone's abbreviation ("Mon, Mar 8, 9:00 AM EST"). */
export const when = (iso: string, zone: string) => `${shortDateTime(iso, zone)} ${zoneAbbr(iso, zone)}`
