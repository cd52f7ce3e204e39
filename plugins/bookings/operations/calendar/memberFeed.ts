import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { hashCalendarToken } from './calendarToken'
import { buildCalendar, icalUid, type CalendarEntry } from './icalFormat'

const DAY = 86_400_000

/**
 * A member's private calendar, found by the sha256 of their token: their class bookings (confirmed,
 * waitlisted, offered, checked in; cancelled ones so calendars drop them), appointments and event
 * RSVPs from 30 days back to a year ahead. An unknown or revoked token answers 404.
 */
export const memberFeed = async (
  req: PayloadRequest,
  input: { token: string },
): Promise<{ name: string; body: string }> => {
  const [member] = await runSql<{ id: string; tenant_name: string }>(
    req,
    sql`SELECT m.id, t.name AS tenant_name FROM tenant_memberships m JOIN tenants t ON t.id = m.tenant_id
        WHERE m.ical_token_hash = ${hashCalendarToken(input.token)} AND m.status = 'active'`,
  )
  if (!member) throw new OperationError(404, 'not_found', 'No such calendar.')
  const from = new Date(Date.now() - 30 * DAY).toISOString()
  const to = new Date(Date.now() + 366 * DAY).toISOString()
  const rows = await runSql<{
    kind: 'booking' | 'appointment' | 'rsvp'
    id: string
    title: string
    start_time: Date
    end_time: Date
    status: string
    updated_at: Date
    place: string | null
  }>(
    req,
    sql`SELECT 'booking' AS kind, b.id, c.title, c.start_time, c.end_time, b.status::text AS status, greatest(b.updated_at, c.updated_at) AS updated_at, l.name AS place
        FROM bookings b JOIN classes c ON c.id = b.class_id LEFT JOIN locations l ON l.id = c.location_id
        WHERE b.member_id = ${member.id} AND c.start_time >= ${from}::timestamptz AND c.start_time < ${to}::timestamptz
        UNION ALL
        SELECT 'appointment', a.id, coalesce(s.title, 'Appointment'), a.start_time, a.end_time, a.status::text, a.updated_at, l.name
        FROM appointments a LEFT JOIN appointment_services s ON s.id = a.service_id LEFT JOIN locations l ON l.id = s.location_id
        WHERE a.member_id = ${member.id} AND a.start_time >= ${from}::timestamptz AND a.start_time < ${to}::timestamptz
        UNION ALL
        SELECT 'rsvp', r.id, e.title, e.start_time, e.end_time, r.status::text, greatest(r.updated_at, e.updated_at), coalesce(l.name, e.location_text)
        FROM event_rsvps r JOIN events e ON e.id = r.event_id LEFT JOIN locations l ON l.id = e.location_id
        WHERE r.member_id = ${member.id} AND e.start_time >= ${from}::timestamptz AND e.start_time < ${to}::timestamptz
        ORDER BY start_time LIMIT 5000`,
  )
  const cancelled = new Set(['cancelled', 'late_cancelled'])
  const tentative = new Set(['waitlisted', 'offered'])
  const entries: CalendarEntry[] = rows.map((r) => ({
    uid: icalUid(r.kind, String(r.id)),
    start: new Date(r.start_time),
    end: new Date(r.end_time),
    stamp: new Date(r.updated_at),
    summary:
      r.status === 'waitlisted'
        ? `${r.title} (waitlist)`
        : r.status === 'offered'
          ? `${r.title} (place offered: claim it)`
          : r.title,
    location: r.place,
    status: cancelled.has(r.status) ? 'CANCELLED' : tentative.has(r.status) ? 'TENTATIVE' : 'CONFIRMED',
  }))
  return { name: member.tenant_name, body: buildCalendar(member.tenant_name, entries) }
}
