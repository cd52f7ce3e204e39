import { hasCollection, siteTag } from '@/core'
import type { Location } from '@/payload-types'
import type { ScheduleEntry } from '@plugins/bookings/contract'
import { payloadInstance, readPublicSchedule, showsTags, type Site } from './site'

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?$/

/** An active location of THIS tenant with this slug, as a visitor reads it; null otherwise (no doorway pages). */
export const loadLocation = async (site: Site, slug: string): Promise<Location | null> => {
  if (!SLUG.test(slug)) return null
  const payload = await payloadInstance()
  const { docs } = await payload.find({
    collection: 'locations',
    where: {
      and: [{ tenant: { equals: site.tenant.id } }, { slug: { equals: slug } }, { isActive: { not_equals: false } }],
    },
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  return docs[0] ?? null
}

/** The location's next classes (14 days, at most `limit`), from the public schedule; the page follows its changes. */
export const upcomingClassesAt = async (site: Site, locationId: string, limit = 10): Promise<ScheduleEntry[]> => {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'classes')) return []
  await showsTags(siteTag(site.tenant.id, 'schedule'))
  const from = new Date()
  const classes = (await readPublicSchedule(site.tenant.slug, from, new Date(from.getTime() + 14 * 86_400_000))) ?? []
  return classes.filter((entry) => entry.location?.id === locationId && entry.status !== 'cancelled').slice(0, limit)
}
