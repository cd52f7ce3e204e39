import { hasCollection } from '@/core'
import type { Event, EventRsvp } from '@/payload-types'
import { payloadInstance, type Site } from './site'
import { isMember, type Visitor } from './visitor'

type Money = { amount: number; currency: string }

/** An event as the site reads it (depth 0: relations are ids). */
export type EventDoc = Event

/** An RSVP as the site reads it; `event` is populated at depth 1. */
export type RsvpDoc = EventRsvp

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** RSVPs that hold a place or a waitlist spot (the ones a member can cancel). */
export const OPEN_RSVP = ['going', 'waitlisted']

export const RSVP_STATUS: Record<string, string> = {
  going: 'Going',
  waitlisted: 'On the waitlist',
  cancelled: 'Cancelled',
  attended: 'Attended',
  no_show: 'Missed',
}

const installed = async () => hasCollection(await payloadInstance(), 'events')

/**
 * The tenant's upcoming events (published, or cancelled so visitors learn of it), soonest first.
 * Events are public content, read as an anonymous visitor (`overrideAccess: false`): drafts are
 * never shown. Null when the bookings plugin is not installed.
 */
export const loadUpcomingEvents = async (site: Site): Promise<EventDoc[] | null> => {
  if (!(await installed())) return null
  const payload = await payloadInstance()
  const { docs } = await payload.find({
    collection: 'events',
    where: {
      and: [
        { tenant: { equals: site.tenant.id } },
        { status: { in: ['published', 'cancelled'] } },
        { startTime: { greater_than: new Date().toISOString() } },
      ],
    },
    sort: 'startTime',
    limit: 50,
    depth: 0,
    overrideAccess: false,
  })
  return docs
}

/** The event of THIS tenant with this id as a visitor may see it, or null (another tenant's, a draft, unknown). */
export const loadEvent = async (site: Site, id: string): Promise<EventDoc | null> => {
  if (!UUID.test(id) || !(await installed())) return null
  const payload = await payloadInstance()
  const { docs } = await payload.find({
    collection: 'events',
    where: { and: [{ id: { equals: id } }, { tenant: { equals: site.tenant.id } }] },
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  return docs[0] ?? null
}

/** The member's current RSVP to an event (read with their own access), or null. */
export const myRsvp = async (eventId: string, visitor: Visitor | null): Promise<RsvpDoc | null> => {
  if (!isMember(visitor)) return null
  const payload = await payloadInstance()
  const { docs } = await payload.find({
    collection: 'event-rsvps',
    where: {
      and: [
        { event: { equals: eventId } },
        { member: { equals: visitor.membership.id } },
        { status: { in: [...OPEN_RSVP, 'attended'] } },
      ],
    },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: false,
    user: visitor.user,
  })
  return docs[0] ?? null
}

export type UpcomingRsvp = RsvpDoc & { event: EventDoc; started: boolean }

/** The member's going / waitlisted RSVPs of events not over yet, soonest first (their own access); `started` ones can no longer be cancelled. */
export const myUpcomingRsvps = async (
  visitor: Visitor & { membership: NonNullable<Visitor['membership']> },
): Promise<UpcomingRsvp[] | null> => {
  if (!(await installed())) return null
  const payload = await payloadInstance()
  const { docs } = await payload.find({
    collection: 'event-rsvps',
    where: { and: [{ member: { equals: visitor.membership.id } }, { status: { in: OPEN_RSVP } }] },
    sort: '-createdAt',
    limit: 50,
    depth: 1,
    overrideAccess: false,
    user: visitor.user,
  })
  const now = new Date().toISOString()
  return docs
    .filter((row): row is RsvpDoc & { event: EventDoc } =>
      Boolean(row.event && typeof row.event === 'object' && row.event.endTime > now),
    )
    .map((row) => ({ ...row, started: row.event.startTime <= now }))
    .sort((a, b) => a.event.startTime.localeCompare(b.event.startTime))
}

/** The zone an event's times are shown in: its own (derived from the location), else the tenant's. */
export const eventZone = (site: Site, event: EventDoc) => event.timezone || site.tenant.timezone

export const eventPrice = (event: Pick<EventDoc, 'price'>): Money | null =>
  event.price?.amount != null && event.price.currency
    ? { amount: event.price.amount, currency: event.price.currency }
    : null

/** Where: the location's name, the free text, or online. */
export const eventPlace = (site: Site, event: EventDoc) => {
  const id = event.location && typeof event.location === 'object' ? event.location.id : event.location
  const location = id ? site.locations.find((l) => l.id === id) : null
  if (event.deliveryMode === 'virtual') return 'Online (you get the link by e-mail)'
  return location?.name ?? event.locationText ?? (event.deliveryMode === 'hybrid' ? 'Online' : 'To be announced')
}

/** Places left (null = no limit), waitlist spots left, and the moment RSVPs close. */
export const eventPlaces = (event: EventDoc) => {
  const placesLeft = event.capacity == null ? null : Math.max(0, event.capacity - (event.goingCount ?? 0))
  const waitlistSpotsLeft = Math.max(0, (event.waitlistCapacity ?? 0) - (event.waitlistCount ?? 0))
  const closesAt = event.rsvpDeadline && event.rsvpDeadline < event.startTime ? event.rsvpDeadline : event.startTime
  const open = event.status === 'published' && Date.parse(closesAt) > Date.now()
  return { placesLeft, waitlistSpotsLeft, hasWaitlist: (event.waitlistCapacity ?? 0) > 0, closesAt, open }
}

/** "Free", "$10.00 per place", "2 credits per place". */
export const eventCost = (event: EventDoc, format: (m: Money) => string) => {
  const price = eventPrice(event)
  if (price && price.amount > 0) return `${format(price)} per place`
  if (event.creditCost) return `${event.creditCost} ${event.creditCost === 1 ? 'credit' : 'credits'} per place`
  return 'Free'
}
