import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { buildCalendar, icalUid, type CalendarEntry } from './icalFormat'

const DAY = 86_400_000

/**
 * A tenant's public calendar: classes (scheduled, and cancelled ones so subscribed calendars drop
 * them) and published events from yesterday to `days` ahead, optionally of one location. Two statements.
 */
export const tenantFeed = async (
  req: PayloadRequest,
  input: { slug: string; location?: string; days?: number },
): Promise<{ name: string; body: string }> => {
  const [tenant] = await runSql<{ id: string; name: string }>(
    req,
    sql`SELECT id, name FROM tenants WHERE slug = ${input.slug} AND status = 'active'`,
  )
  if (!tenant) throw new OperationError(404, 'tenant_not_found', 'No such business.')
  const from = new Date(Date.now() - DAY).toISOString()
  const to = new Date(Date.now() + (input.days ?? 60) * DAY).toISOString()
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
    sql`SELECT 'class' AS kind, c.id, c.title, NULL AS description, c.start_time, c.end_time, c.status::text, c.updated_at, l.name AS place
        FROM classes c LEFT JOIN locations l ON l.id = c.location_id
        WHERE c.tenant_id = ${tenant.id} AND c.status IN ('scheduled', 'cancelled')
          AND c.start_time >= ${from}::timestamptz AND c.start_time < ${to}::timestamptz
          ${input.location ? sql`AND c.location_id = ${input.location}` : sql``}
        UNION ALL
        SELECT 'event', e.id, e.title, e.description, e.start_time, e.end_time, e.status::text, e.updated_at, coalesce(l.name, e.location_text)
        FROM events e LEFT JOIN locations l ON l.id = e.location_id
        WHERE e.tenant_id = ${tenant.id} AND e.status IN ('published', 'cancelled')
          AND e.start_time >= ${from}::timestamptz AND e.start_time < ${to}::timestamptz
          ${input.location ? sql`AND e.location_id = ${input.location}` : sql``}
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
