import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { locationsTable, OperationError, runSql, tenantsTable } from '@/core'
import { buildCalendar, icalUid, type CalendarEntry } from './icalFormat'
import { classesTable } from '../sql/classesTable'
import { eventsTable } from '../sql/eventsTable'

const DAY = 86_400_000

/**
 * A tenant's public calendar: classes (scheduled, and cancelled ones so subscribed calendars drop
 * them) and published events from yesterday to `days` ahead, optionally of one location. Two statements.
 */
export const tenantFeed = async (
  req: PayloadRequest,
  input: { slug: string; location?: string; days?: number },
): Promise<{ name: string; body: string }> => {
  const t = tenantsTable(req)
  const [tenant] = await runSql<{ id: string; name: string }>(
    req,
    sql`SELECT ${t.id} AS id, ${t.name} AS name FROM ${t.$table} WHERE ${t.slug} = ${input.slug} AND ${t.status} = 'active'`,
  )
  if (!tenant) throw new OperationError(404, 'tenant_not_found', 'No such business.')
  const from = new Date(Date.now() - DAY).toISOString()
  const to = new Date(Date.now() + (input.days ?? 60) * DAY).toISOString()
  const c = classesTable(req)
  const e = eventsTable(req)
  const l = locationsTable(req)
  const rows = await runSql<{
    kind: 'class' | 'event'
    id: string
    title: string
    description: string | null
    start_time: Date
    end_time: Date
    status: string
    updated_at: Date
    place: string | null
  }>(
    req,
    sql`SELECT 'class' AS kind, c.${c.id} AS id, c.${c.title} AS title, NULL AS description, c.${c.startTime} AS start_time,
               c.${c.endTime} AS end_time, c.${c.status}::text AS status, c.${c.updatedAt} AS updated_at, l.${l.name} AS place
        FROM ${c.$table} c LEFT JOIN ${l.$table} l ON l.${l.id} = c.${c.location}
        WHERE c.${c.tenant} = ${tenant.id} AND c.${c.status} IN ('scheduled', 'cancelled')
          AND c.${c.startTime} >= ${from}::timestamptz AND c.${c.startTime} < ${to}::timestamptz
          ${input.location ? sql`AND c.${c.location} = ${input.location}` : sql``}
        UNION ALL
        SELECT 'event', e.${e.id}, e.${e.title}, e.${e.description}, e.${e.startTime}, e.${e.endTime}, e.${e.status}::text, e.${e.updatedAt},
               coalesce(l.${l.name}, e.${e.locationText})
        FROM ${e.$table} e LEFT JOIN ${l.$table} l ON l.${l.id} = e.${e.location}
        WHERE e.${e.tenant} = ${tenant.id} AND e.${e.status} IN ('published', 'cancelled')
          AND e.${e.startTime} >= ${from}::timestamptz AND e.${e.startTime} < ${to}::timestamptz
          ${input.location ? sql`AND e.${e.location} = ${input.location}` : sql``}
        ORDER BY start_time LIMIT 5000`,
  )
  const entries: CalendarEntry[] = rows.map((r) => ({
    uid: icalUid(r.kind, String(r.id)),
    start: new Date(r.start_time),
    end: new Date(r.end_time),
    stamp: new Date(r.updated_at),
    summary: r.title,
    description: r.description,
    location: r.place,
    status: r.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  }))
  return { name: tenant.name, body: buildCalendar(tenant.name, entries) }
}
