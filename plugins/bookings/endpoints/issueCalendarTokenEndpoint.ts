import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { issueCalendarToken } from '../operations/calendar/calendarToken'
import { calendarTokenBody } from './schemas'

/** POST /api/ical/member-token { tenant } → 201 { token, url } (shown once; replaces the previous token). */
export const issueCalendarTokenEndpoint: Endpoint = {
  path: '/ical/member-token',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      const { token } = await issueCalendarToken(req, calendarTokenBody.parse(raw))
      const origin = new URL(req.url ?? 'http://localhost/').origin
      return { token, url: `${origin}/api/ical/member/${token}.ics` }
    },
    { status: 201, requireUser: true },
  ),
}
