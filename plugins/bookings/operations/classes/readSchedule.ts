import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { locationsTable, OperationError, runSql, sqlFragment, tenantMembershipsTable, tenantsTable } from '@/core'
import { classesTable } from '../sql/classesTable'
import type { Schedule, ScheduleEntry } from '../../contract'

export type ScheduleInput = { tenant: string; from: Date; to: Date; location?: string; instructor?: string }

/** One row of the schedule statement. */
type ScheduleRow = {
  id: string
  title: string
  start_time: string
  end_time: string
  timezone: string
  status: string
  kind: string
  delivery_mode: string | null
  capacity: string | number
  booked_count: string | number | null
  waitlist_capacity: string | number | null
  waitlist_count: string | number | null
  price_amount: string | number | null
  price_currency: string | null
  credit_cost: string | number | null
  location_id: string | null
  location_name: string | null
  instructor_id: string | null
  instructor_name: string | null
  tenant_id: string
}

const scheduleColumns = sqlFragment(
  ({
    c,
    t,
    l,
    m,
  }: {
    c: ReturnType<typeof classesTable>
    t: ReturnType<typeof tenantsTable>
    l: ReturnType<typeof locationsTable>
    m: ReturnType<typeof tenantMembershipsTable>
  }) =>
    sql`c.${c.id} AS id, c.${c.title} AS title, c.${c.startTime} AS start_time, c.${c.endTime} AS end_time,
        coalesce(c.${c.timezone}, t.${t.timezone}) AS timezone, c.${c.status} AS status, c.${c.kind} AS kind, c.${c.deliveryMode} AS delivery_mode,
        c.${c.capacity} AS capacity, c.${c.bookedCount} AS booked_count, c.${c.waitlistCapacity} AS waitlist_capacity,
        c.${c.waitlistCount} AS waitlist_count, c.${c.priceAmount} AS price_amount, c.${c.priceCurrency} AS price_currency,
        c.${c.creditCost} AS credit_cost, l.${l.id} AS location_id, l.${l.name} AS location_name, m.${m.id} AS instructor_id,
        m.${m.displayName} AS instructor_name, t.${t.id} AS tenant_id
      FROM ${t} t
      JOIN ${c} c ON c.${c.tenant} = t.${t.id}
      LEFT JOIN ${l} l ON l.${l.id} = c.${c.location}
      LEFT JOIN ${m} m ON m.${m.id} = c.${c.instructor}`,
)
const tablesOf = new WeakMap<object, Parameters<typeof scheduleColumns>[0]>()

export const readSchedule = async (req: PayloadRequest, input: ScheduleInput): Promise<Schedule> => {
  const c = classesTable(req)
  const t = tenantsTable(req)
  let tables = tablesOf.get(c)
  if (!tables) tablesOf.set(c, (tables = { c, t, l: locationsTable(req), m: tenantMembershipsTable(req) }))
  const rows = await runSql<ScheduleRow>(
    req,
    sql`SELECT ${scheduleColumns(tables)}
        WHERE t.${t.slug} = ${input.tenant} AND t.${t.status} = 'active'
          AND c.${c.startTime} >= ${input.from.toISOString()}::timestamptz AND c.${c.startTime} < ${input.to.toISOString()}::timestamptz
          ${input.location ? sql`AND c.${c.location} = ${input.location}` : sql``}
          ${input.instructor ? sql`AND c.${c.instructor} = ${input.instructor}` : sql``}
        ORDER BY c.${c.startTime}, c.${c.id}
        LIMIT 1000`,
    { prepared: true },
  )
  let tenantId = rows[0]?.tenant_id
  if (rows.length === 0) {
    const [tenant] = await runSql<{ id: string }>(
      req,
      sql`SELECT ${t.id} AS id FROM ${t} WHERE ${t.slug} = ${input.tenant} AND ${t.status} = 'active'`,
    )
    if (!tenant) throw new OperationError(404, 'tenant_not_found', 'No such business.')
    tenantId = tenant.id
  }
  const classes = rows.map(
    (r): ScheduleEntry => ({
      id: String(r.id),
      title: String(r.title),
      startTime: new Date(r.start_time).toISOString(),
      endTime: new Date(r.end_time).toISOString(),
      timezone: String(r.timezone),
      status: String(r.status),
      kind: String(r.kind),
      deliveryMode: r.delivery_mode ?? null,
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
      instructor: r.instructor_id ? { id: String(r.instructor_id), name: r.instructor_name ?? null } : null,
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
