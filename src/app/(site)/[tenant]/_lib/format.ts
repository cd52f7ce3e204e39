/** Display helpers shared by the site's pages (times always in the given IANA zone). */

export const dateTime = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(iso))

export const shortDateTime = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(iso))

export const clock = (iso: string, zone: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso))

export const zoneAbbr = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(iso)).find((part) => part.type === 'timeZoneName')?.value ?? zone

export const day = (iso: string, zone: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(iso))

/** Integer minor units + ISO currency → "$5.00". */
export const money = (value: { amount: number; currency: string } | null | undefined) => {
  if (!value) return ''
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: value.currency })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(value.amount / 10 ** digits)
}

export const BOOKING_STATUS: Record<string, string> = {
  confirmed: 'Booked',
  waitlisted: 'On the waitlist',
  cancelled: 'Cancelled',
  late_cancelled: 'Late cancelled',
  checked_in: 'Checked in',
  no_show: 'Missed',
}
