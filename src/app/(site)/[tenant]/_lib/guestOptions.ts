import { cache } from 'react'
import { payloadInstance, type Site } from './site'

/** Service kinds a visitor may book without an account where the tenant allows it (the bookings plugin's intro sessions). */
export const GUEST_SERVICE_KINDS = ['consultation', 'tour']

export type GuestOptions = {
  /** `tenant-settings.bookings.publicEventRsvp`: visitors RSVP to published events by name and e-mail. */
  eventRsvp: boolean
  /** `tenant-settings.bookings.publicGuestBooking`: visitors book intro sessions (consultation, tour) by name and e-mail. */
  appointmentBooking: boolean
}

/**
 * What this tenant lets visitors without an account do, from its settings (public content, read
 * as an anonymous visitor). Both off when the bookings plugin (which adds the settings) is absent.
 */
export const guestOptions = cache(async (site: Site): Promise<GuestOptions> => {
  const payload = await payloadInstance()
  const { docs } = await payload.find({
    collection: 'tenant-settings',
    where: { tenant: { equals: site.tenant.id } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  const bookings = (
    docs[0] as
      | { bookings?: { publicEventRsvp?: boolean | null; publicGuestBooking?: boolean | null } | null }
      | undefined
  )?.bookings
  return { eventRsvp: bookings?.publicEventRsvp === true, appointmentBooking: bookings?.publicGuestBooking === true }
})

/** Whether a visitor may book this service without an account. */
export const guestMayBook = (options: GuestOptions, service: { kind?: string | null }) =>
  options.appointmentBooking && GUEST_SERVICE_KINDS.includes(service.kind ?? '')
