import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { calendarResponse } from '../operations/calendar/icalFormat'
import { tenantFeed } from '../operations/calendar/tenantFeed'
import { uuid, withoutIcs } from './schemas'

const slugParam = z.object({
  slug: z
    .string()
    .transform(withoutIcs)
    .pipe(z.string().regex(/^[a-z0-9-]+$/, 'must be a tenant slug')),
})
const feedQuery = z.object({ location: uuid.optional() })

/** GET /api/ical/tenant/:slug(.ics)?location= — public calendar of a tenant's classes and events. */
export const icalTenantEndpoint: Endpoint = {
  path: '/ical/tenant/:slug',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      const { slug } = slugParam.parse(req.routeParams)
      const { location } = feedQuery.parse(Object.fromEntries(new URL(req.url ?? 'http://x/').searchParams))
      const feed = await tenantFeed(req, { slug, location })
      return calendarResponse(feed.body, 'public, max-age=300', `${slug}.ics`)
    },
    { transaction: false },
  ),
}
