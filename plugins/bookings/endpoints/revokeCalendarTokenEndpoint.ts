import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { revokeCalendarToken } from '../operations/calendar/calendarToken'
import { calendarTokenBody } from './schemas'

/** DELETE /api/ical/member-token { tenant } → { revoked }: the feed URL answers 404 from now on. */
export const revokeCalendarTokenEndpoint: Endpoint = {
  path: '/ical/member-token',
  method: 'delete',
  handler: endpointHandler(async (req, raw) => revokeCalendarToken(req, calendarTokenBody.parse(raw)), {
    requireUser: true,
  }),
}
