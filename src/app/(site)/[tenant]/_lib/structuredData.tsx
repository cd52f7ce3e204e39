import { unstable_cache } from 'next/cache'
import { getEnv, SITE_TENANTS_TAG, siteTag } from '@/core'
import type { Event } from '@/payload-types'
import {
  businessTypeFor,
  courseJsonLd,
  eventJsonLd,
  localBusinessJsonLd,
  serializeJsonLd,
  siteOrigin,
  type EventInput,
  type JsonLd,
} from '@plugins/website/contract'
import type { CourseOutlineReply } from '@plugins/lms/contract'
import type { ScheduleEntry } from '@plugins/bookings/contract'
import { hasBays } from './bays'
import { payloadInstance, type Site, type SiteLocation } from './site'

/**
 * JSON-LD of a page, in one `<script type="application/ld+json">` (an array when several nodes);
 * `serializeJsonLd` escapes `<`, `>` and `&`, so no stored text can close the script.
 */
export function JsonLdScript({ data }: { data: JsonLd | null | (JsonLd | null)[] }) {
  const nodes = ([] as (JsonLd | null)[]).concat(data).filter((node): node is JsonLd => node !== null)
  if (nodes.length === 0) return null
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(nodes.length === 1 ? nodes[0] : nodes) }}
    />
  )
}

/**
 * The canonical base URL of the site: the tenant's own domain when it has one, else
 * `SERVER_URL/<slug>` (cached with the tenant; `siteChanged` drops it).
 */
export const canonicalOrigin = async (site: Site): Promise<string> => {
  const domains = await unstable_cache(
    async () => {
      const payload = await payloadInstance()
      const tenant = await payload.findByID({
        collection: 'tenants',
        id: site.tenant.id,
        depth: 0,
        overrideAccess: false,
        select: { domains: true },
        disableErrors: true,
      })
      return (tenant?.domains ?? []).map((d) => ({ hostname: d.hostname }))
    },
    ['atrium-site-domains', site.tenant.id],
    { tags: [SITE_TENANTS_TAG, siteTag(site.tenant.id)] },
  )()
  return siteOrigin({ slug: site.tenant.slug, domains }, getEnv().SERVER_URL)
}

/** The canonical URL of a page of the site (`path` as in `href`, e.g. `/events/<id>`). */
export const canonicalUrl = async (site: Site, path = ''): Promise<string> => `${await canonicalOrigin(site)}${path}`

const organizer = (site: Site, origin: string) => ({ name: site.name, url: origin })

/**
 * One location of the site as ExerciseGym / HealthClub / SportsActivityLocation: address, opening
 * hours (`openingHoursSpecification`), contact, `@id` `<origin>#location-<id>`. The one builder of
 * both the home page (`url`: the site) and the location's own page (`url`: that page).
 */
export const locationJsonLd = (
  site: Site,
  location: Pick<SiteLocation, 'id' | 'name' | 'address' | 'openingHours'>,
  context: { origin: string; bays: boolean; url: string },
): JsonLd | null => {
  const single = site.locations.length <= 1
  return localBusinessJsonLd({
    type: businessTypeFor({ name: site.name, hasFacilityResources: context.bays }),
    id: `${context.origin}#location-${location.id}`,
    name: single ? site.name : `${site.name} — ${location.name}`,
    address: location.address,
    url: context.url,
    telephone: site.contactPhone,
    email: site.contactEmail,
    openingHours: location.openingHours.map((row) => ({ dayOfWeek: row.days, opens: row.opens, closes: row.closes })),
    organization: single ? null : organizer(site, context.origin),
  })
}

/** The site's locations (home page), each through `locationJsonLd`. */
export const locationsJsonLd = async (site: Site): Promise<(JsonLd | null)[]> => {
  const [origin, bays] = await Promise.all([canonicalOrigin(site), hasBays(site)])
  return site.locations.map((location) => locationJsonLd(site, location, { origin, bays, url: origin }))
}

const placeOf = (site: Site, locationId: string | null | undefined, text?: string | null): EventInput['place'] => {
  const location = locationId ? site.locations.find((l) => l.id === locationId) : null
  return location ? { name: location.name, address: location.address } : text ? { text } : null
}

const moneyOf = (price: { amount?: number | null; currency?: string | null } | null | undefined) =>
  price?.amount != null && price.currency ? { amount: price.amount, currency: price.currency } : null

/** A class as an Event (`entry`: the public schedule's row of it, with location, instructor and price). */
export const classJsonLd = async (
  site: Site,
  klass: {
    id: string
    title: string
    startTime: string
    endTime?: string | null
    timezone?: string | null
    status: string
    deliveryMode?: string | null
    capacity: number
    bookedCount?: number | null
    location?: string | { id: string } | null
    price?: { amount?: number | null; currency?: string | null } | null
    creditCost?: number | null
  },
  entry: ScheduleEntry | null | undefined,
): Promise<JsonLd | null> => {
  const origin = await canonicalOrigin(site)
  const locationId =
    entry?.location?.id ?? (typeof klass.location === 'object' ? klass.location?.id : klass.location) ?? null
  return eventJsonLd({
    name: klass.title,
    startTime: klass.startTime,
    endTime: klass.endTime ?? entry?.endTime ?? null,
    timezone: klass.timezone || site.tenant.timezone,
    cancelled: klass.status === 'cancelled',
    deliveryMode: klass.deliveryMode,
    place: placeOf(site, locationId),
    url: `${origin}/classes/${klass.id}`,
    // A class without a drop-in price is booked with a membership or credits: no Offer, not "free".
    price: moneyOf(entry?.price ?? klass.price),
    placesLeft: Math.max(0, klass.capacity - (klass.bookedCount ?? 0)),
    organizer: organizer(site, origin),
    performer: entry?.instructor?.name ?? null,
  })
}

/** An event of the bookings plugin as an Event. */
export const eventDocJsonLd = async (site: Site, event: Event): Promise<JsonLd | null> => {
  const origin = await canonicalOrigin(site)
  const locationId = typeof event.location === 'object' ? event.location?.id : event.location
  const price = moneyOf(event.price)
  return eventJsonLd({
    name: event.title,
    description: event.description,
    startTime: event.startTime,
    endTime: event.endTime,
    timezone: event.timezone || site.tenant.timezone,
    cancelled: event.status === 'cancelled',
    deliveryMode: event.deliveryMode,
    place: placeOf(site, locationId, event.locationText),
    url: `${origin}/events/${event.id}`,
    price: price ?? (event.creditCost ? null : { amount: 0, currency: site.tenant.currency }),
    placesLeft: event.capacity == null ? null : Math.max(0, event.capacity - (event.goingCount ?? 0)),
    organizer: organizer(site, origin),
  })
}

/** A course of the lms plugin as a Course with an online CourseInstance and its offer. */
export const courseOutlineJsonLd = async (site: Site, outline: CourseOutlineReply): Promise<JsonLd> => {
  const origin = await canonicalOrigin(site)
  return courseJsonLd({
    name: outline.course.title,
    description: outline.course.description,
    url: `${origin}/courses/${encodeURIComponent(outline.course.slug)}`,
    provider: { name: site.name, url: origin },
    price: outline.course.price,
    currency: site.tenant.currency,
    deliveryMode: outline.course.deliveryMode,
  })
}
