import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import type { Schedule, ScheduleEntry } from '../contract'

export type ScheduleInput = { tenant: string; from: Date; to: Date; location?: string; instructor?: string }

export const readSchedule = async (req: PayloadRequest, input: ScheduleInput): Promise<Schedule> => {
  const rows = await runSql<Record<string, unknown>>(
    req,
    sql`SELECT c.id, c.title, c.start_time, c.end_time, coalesce(c.timezone, t.timezone) AS timezone, c.status, c.kind, c.delivery_mode,
               c.capacity, c.booked_count, c.waitlist_capacity, c.waitlist_count, c.price_amount, c.price_currency, c.credit_cost,
               l.id AS location_id, l.name AS location_name, m.id AS instructor_id, m.profile_display_name AS instructor_name, t.id AS tenant_id
        FROM tenants t
        JOIN classes c ON c.tenant_id = t.id
        LEFT JOIN locations l ON l.id = c.location_id
        LEFT JOIN tenant_memberships m ON m.id = c.instructor_id
        WHERE t.slug = ${input.tenant} AND t.status = 'active'
          AND c.start_time >= ${input.from.toISOString()}::timestamptz AND c.start_time < ${input.to.toISOString()}::timestamptz
          ${input.location ? sql`AND c.location_id = ${input.location}` : sql``}
          ${input.instructor ? sql`AND c.instructor_id = ${input.instructor}` : sql``}
        ORDER BY c.start_time, c.id
        LIMIT 1000`,
    { prepared: true },
  )
  let tenantId = rows[0]?.tenant_id
  if (rows.length === 0) {
    const [tenant] = await runSql(req, sql`SELECT id FROM tenants WHERE slug = ${input.tenant} AND status = 'active'`)
    if (!tenant) throw new OperationError(404, 'tenant_not_found', 'No such business.')
    tenantId = tenant.id
  }
  const classes = rows.map(
    (r): ScheduleEntry => ({
      id: String(r.id),
      title: String(r.title),
      startTime: new Date(r.start_time as string).toISOString(),
      endTime: new Date(r.end_time as string).toISOString(),
      timezone: String(r.timezone),
      status: String(r.status),
      kind: String(r.kind),
      deliveryMode: (r.delivery_mode as string) ?? null,
      capacity: Number(r.capacity),
      spotsLeft: Math.max(0, Number(r.capacity) - Number(r.booked_count ?? 0)),
      waitlistCount: Number(r.waitlist_count ?? 0),
      waitlistSpotsLeft: Math.max(0, Number(r.waitlist_capacity ?? 0) - Number(r.waitlist_count ?? 0)),
      price:
        r.price_amount === null || r.price_amount === undefined
          ? null
          : { amount: Number(r.price_amount), currency: String(r.price_currency) },
      creditCost: r.credit_cost === null ? null : Number(r.credit_cost),
      location: r.location_id ? { id: String(r.location_id), name: String(r.location_name) } : null,
      instructor: r.instructor_id ? { id: String(r.instructor_id), name: (r.instructor_name as string) ?? null } : null,
    }),
  )
  return {
    tenant: input.tenant,
    tenantId: String(tenantId),
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    classes,
  }
}
