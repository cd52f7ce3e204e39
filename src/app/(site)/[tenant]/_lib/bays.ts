import { unstable_cache } from 'next/cache'
import { addDays, hasCollection, siteTag } from '@/core'
import type { DayAvailabilityReply } from '@plugins/facility/contract'
import { callEndpoint } from './callEndpoint'
import { payloadInstance, type Site } from './site'

/** How many days ahead the bay page offers (the bays' own booking windows still apply). */
export const BAY_DAYS_SHOWN = 14
/** Lengths a member may pick on the site; each bay's rules refuse the ones it does not allow. */
export const BAY_LENGTHS = [30, 60, 90, 120, 180] as const
/** Guests a member may name on the site (a bay's capacity caps the party). */
export const MAX_BAY_GUESTS = 3

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A requested local date within the days the page offers, else today. */
export const bayDay = (requested: string, today: string): string =>
  ISO_DATE.test(requested) && requested >= today && requested <= addDays(today, BAY_DAYS_SHOWN - 1) ? requested : today

/**
 * Whether the tenant has bookable resources (the facility plugin installed and at least one
 * active): the nav's "Book a bay". Cached with the site's data, at most a minute old.
 */
export const hasBays = async (site: Site): Promise<boolean> => {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'facility-resources')) return false
  return unstable_cache(
    async () =>
      (
        await payload.count({
          collection: 'facility-resources',
          where: { and: [{ tenant: { equals: site.tenant.id } }, { isActive: { not_equals: false } }] },
          overrideAccess: false,
        })
      ).totalDocs > 0,
    ['atrium-site-bays', site.tenant.id],
    { tags: [siteTag(site.tenant.id)], revalidate: 60 },
  )()
}

/** Each bay's slot grid on local `date` (`GET /api/facility-resources/availability`), or null when not offered. */
export const loadBayDay = async (site: Site, date: string): Promise<DayAvailabilityReply | null> => {
  const answer = await callEndpoint<DayAvailabilityReply>({
    collection: 'facility-resources',
    path: '/availability',
    method: 'get',
    query: { tenant: site.tenant.id, date },
  })
  return answer.ok ? answer.body : null
}

/** The guests named in a bay form or query (`guest` repeated), trimmed, at most MAX_BAY_GUESTS. */
export const bayGuests = (names: (string | null | undefined)[]): string[] =>
  names
    .map((n) => (n ?? '').trim())
    .filter(Boolean)
    .slice(0, MAX_BAY_GUESTS)
