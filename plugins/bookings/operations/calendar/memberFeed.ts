import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { locationsTable, OperationError, runSql, tenantMembershipsTable, tenantsTable } from '@/core'
import { hashCalendarToken } from './calendarToken'
import { buildCalendar, icalUid, type CalendarEntry } from './icalFormat'
import { appointmentServicesTable } from '../sql/appointmentServicesTable'
import { appointmentsTable } from '../sql/appointmentsTable'
import { bookingsTable } from '../sql/bookingsTable'
import { classesTable } from '../sql/classesTable'
import { eventRsvpsTable } from '../sql/eventRsvpsTable'
import { eventsTable } from '../sql/eventsTable'
import { memberCalendarTable } from '../sql/memberCalendarTable'

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
  const m = tenantMembershipsTable(req)
  const mc = memberCalendarTable(req)
  const t = tenantsTable(req)
  const [member] = await runSql<{ id: string; tenant_name: string }>(
    req,
    sql`SELECT m.${m.id} AS id, t.${t.name} AS tenant_name FROM ${m.$table} m JOIN ${t.$table} t ON t.${t.id} = m.${m.tenant}
        WHERE m.${mc.icalTokenHash} = ${hashCalendarToken(input.token)} AND m.${m.status} = 'active'`,
  )
  if (!member) throw new OperationError(404, 'not_found', 'No such calendar.')
  const from = new Date(Date.now() - 30 * DAY).toISOString()
  const to = new Date(Date.now() + 366 * DAY).toISOString()
  const b = bookingsTable(req)
  const c = classesTable(req)
  const l = locationsTable(req)
  const a = appointmentsTable(req)
  const s = appointmentServicesTable(req)
  const r = eventRsvpsTable(req)
  const e = eventsTable(req)
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
    sql`SELECT 'booking' AS kind, b.${b.id} AS id, c.${c.title} AS title, c.${c.startTime} AS start_time, c.${c.endTime} AS end_time,
               b.${b.status}::text AS status, greatest(b.${b.updatedAt}, c.${c.updatedAt}) AS updated_at, l.${l.name} AS place
        FROM ${b.$table} b JOIN ${c.$table} c ON c.${c.id} = b.${b.class} LEFT JOIN ${l.$table} l ON l.${l.id} = c.${c.location}
        WHERE b.${b.member} = ${member.id} AND c.${c.startTime} >= ${from}::timestamptz AND c.${c.startTime} < ${to}::timestamptz
        UNION ALL
        SELECT 'appointment', a.${a.id}, coalesce(s.${s.title}, 'Appointment'), a.${a.startTime}, a.${a.endTime}, a.${a.status}::text,
               a.${a.updatedAt}, l.${l.name}
        FROM ${a.$table} a LEFT JOIN ${s.$table} s ON s.${s.id} = a.${a.service} LEFT JOIN ${l.$table} l ON l.${l.id} = s.${s.location}
        WHERE a.${a.member} = ${member.id} AND a.${a.startTime} >= ${from}::timestamptz AND a.${a.startTime} < ${to}::timestamptz
        UNION ALL
        SELECT 'rsvp', r.${r.id}, e.${e.title}, e.${e.startTime}, e.${e.endTime}, r.${r.status}::text, greatest(r.${r.updatedAt}, e.${e.updatedAt}),
               coalesce(l.${l.name}, e.${e.locationText})
        FROM ${r.$table} r JOIN ${e.$table} e ON e.${e.id} = r.${r.event} LEFT JOIN ${l.$table} l ON l.${l.id} = e.${e.location}
        WHERE r.${r.member} = ${member.id} AND e.${e.startTime} >= ${from}::timestamptz AND e.${e.startTime} < ${to}::timestamptz
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
