import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { calendarResponse } from '../operations/calendar/icalFormat'
import { memberFeed } from '../operations/calendar/memberFeed'
import { withoutIcs } from './schemas'

const tokenParam = z.object({
  token: z
    .string()
    .transform(withoutIcs)
    .pipe(z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be a calendar token')),
})

/** GET /api/ical/member/:token(.ics) — a member's private calendar; 404 for unknown or revoked tokens. */
export const icalMemberEndpoint: Endpoint = {
  path: '/ical/member/:token',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      const { token } = tokenParam.parse(req.routeParams)
      const feed = await memberFeed(req, { token })
      return calendarResponse(feed.body, 'private, max-age=300', 'bookings.ics')
    },
    { transaction: false },
  ),
}
