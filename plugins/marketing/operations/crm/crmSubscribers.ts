import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantsTable, type Subscriber } from '@/core'
import { announceClosure } from './announceClosure'
import { convertLeadsOfMember } from './convertLeadsOfMember'
import { leadFromForm } from './leadFromForm'
import { leadFromGuest } from './leadFromGuest'
import { upsertLead } from './upsertLead'

/** A form submission with an e-mail (website) upserts the tenant's lead for that address. */
export const leadFromFormSubscriber: Subscriber<'form.submitted'> = {
  name: 'marketing.leadFromForm',
  event: 'form.submitted',
  handler: async (event, { req }) => {
    const lead = event.tenant ? leadFromForm(event.data) : null
    if (!lead || !event.tenant) return
    await upsertLead(req, { tenant: event.tenant, ...lead, formSubmission: event.data.submission })
  },
}

/** A visitor RSVPed to an event as a guest (e-mail only): the tenant's lead for that address. */
export const leadFromGuestRsvpSubscriber: Subscriber<'event.rsvp_created'> = {
  name: 'marketing.leadFromGuestRsvp',
  event: 'event.rsvp_created',
  handler: async (event, { req }) => {
    const contact = event.data.guestContact
    if (!contact || !event.tenant) return
    await leadFromGuest(req, { tenant: event.tenant, contact, source: 'event_rsvp' })
  },
}

/** A guest booked an appointment (an intro session, a tour): the tenant's lead for that address. */
export const leadFromGuestBookingSubscriber: Subscriber<'appointment.booked'> = {
  name: 'marketing.leadFromGuestBooking',
  event: 'appointment.booked',
  handler: async (event, { req }) => {
    const contact = event.data.guestContact
    if (!contact || !event.tenant) return
    const source = event.data.serviceKind === 'tour' ? 'tour' : 'guest_booking'
    await leadFromGuest(req, { tenant: event.tenant, contact, source })
  },
}

// ---- Facility guests ----
/** A member booked a bay or court with guests who gave an e-mail: each guest is the tenant's lead. */
export const leadFromFacilityGuestSubscriber: Subscriber<'reservation.booked'> = {
  name: 'marketing.leadFromFacilityGuest',
  event: 'reservation.booked',
  handler: async (event, { req }) => {
    if (!event.tenant) return
    for (const contact of event.data.guestContacts ?? [])
      await leadFromGuest(req, { tenant: event.tenant, contact, source: 'facility_guest' })
  },
}
// ---- /Facility guests ----

/** A person joined a tenant: the lead with their e-mail converts. */
export const convertLeadSubscriber: Subscriber<'member.created'> = {
  name: 'marketing.convertLead',
  event: 'member.created',
  handler: async (event, { req }) => {
    if (!event.tenant || !event.subject) return
    await convertLeadsOfMember(req, { tenant: event.tenant, member: event.subject.id, user: event.data.user })
  },
}

/** A closure (facility) is announced with a banner until it ends. */
export const closureBannerSubscriber: Subscriber<'closure.created'> = {
  name: 'marketing.closureBanner',
  event: 'closure.created',
  handler: async (event, { req }) => {
    if (!event.tenant) return
    const t = tenantsTable(req)
    const [tenant] = await runSql<{ timezone: string | null }>(
      req,
      sql`SELECT ${t.timezone} AS timezone FROM ${t.$table} WHERE ${t.id} = ${event.tenant}`,
    )
    if (new Date(event.data.endAt).getTime() <= Date.now()) return
    await announceClosure(req, {
      tenant: event.tenant,
      closure: event.data.closure,
      startAt: event.data.startAt,
      endAt: event.data.endAt,
      zone: tenant?.timezone || 'UTC',
    })
  },
}

export const crmSubscribers = [
  leadFromFormSubscriber,
  leadFromGuestRsvpSubscriber,
  leadFromGuestBookingSubscriber,
  leadFromFacilityGuestSubscriber, // Facility guests
  convertLeadSubscriber,
  closureBannerSubscriber,
]
