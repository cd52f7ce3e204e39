import type { PayloadRequest, Where } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { addDays, fromWallTime, runSql } from '@/core'
import {
  dayAvailabilityInput,
  type DayAvailabilityInput,
  type DayAvailabilityReply,
  type ResourceDay,
} from '../contract'
import { facilityZone } from './facilityZone'
import { toResourceRules, type ResourceRules } from './loadResource'
import { localClock, minutesOf } from './localClock'
import { availabilityBlocksTable } from './sql/availabilityBlocksTable'
import { closuresRelsTable, closuresTable } from './sql/closuresTable'
import { reservationsTable } from './sql/reservationsTable'

type Range = { resource: string | null; from: number; until: number }

const midnight = (date: string, zone: string) => {
  const [year, month, day] = date.split('-').map(Number)
  return fromWallTime({ year, month, day, hour: 0, minute: 0 }, zone)
}

/** The start instants of a resource's slot grid on local `date` (each opening window from its opening time). */
const slotStarts = (resource: ResourceRules, date: string, zone: string): Date[] => {
  const [year, month, day] = date.split('-').map(Number)
  const weekday = localClock(new Date(midnight(date, zone).getTime() + 12 * 3_600_000), zone).weekday
  const starts: Date[] = []
  for (const window of resource.openingHours.filter((h) => h.weekday === weekday)) {
    const closes = minutesOf(window.closesAt)
    for (
      let m = minutesOf(window.opensAt);
      m + Math.max(resource.slotMinutes, resource.minMinutes) <= closes;
      m += resource.slotMinutes
    ) {
      const start = fromWallTime({ year, month, day, hour: Math.floor(m / 60), minute: m % 60 }, zone)
      // A wall time skipped by a DST jump maps outside the day's grid: keep each instant once, in order.
      if (localClock(start, zone).minutes === m) starts.push(start)
    }
  }
  return starts
}

const overlaps = (ranges: Range[], resource: string, from: number, until: number) =>
  ranges.some((r) => (r.resource === null || r.resource === resource) && r.from < until && r.until > from)

/**
 * A tenant's bookable resources on one local day, each with the starts of its slot grid and
 * whether a one-slot booking there would be accepted now: not past, inside no closure or
 * availability block, and its blocked range (buffers included) clear of every active reservation —
 * the same test the exclusion constraint makes when the booking is written. Reads the resources
 * (public), their zones, and three range sets (reservations, closures, blocks) for the day.
 */
export const dayAvailability = async (
  req: PayloadRequest,
  raw: DayAvailabilityInput,
  now = new Date(),
): Promise<DayAvailabilityReply> => {
  const input = dayAvailabilityInput.parse(raw)
  const where: Where = {
    and: [
      { tenant: { equals: input.tenant } },
      { isActive: { not_equals: false } },
      ...(input.location ? [{ location: { equals: input.location } }] : []),
    ],
  }
  const { docs } = await req.payload.find({
    collection: 'facility-resources',
    where,
    sort: ['sortOrder', 'name'],
    limit: 200,
    depth: 0,
    req,
    overrideAccess: false,
  })
  if (docs.length === 0) return { date: input.date, resources: [] }
  const resources = docs.map(toResourceRules)
  const zones = new Map<string | null, string>()
  for (const location of new Set(resources.map((r) => r.location)))
    zones.set(location, await facilityZone(req, { tenant: input.tenant, location }))

  // The widest span the day can reach in any of the zones, padded by the longest buffers.
  const pad = Math.max(...resources.map((r) => Math.max(r.bufferBeforeMinutes, r.bufferAfterMinutes))) * 60_000
  const spanFrom = new Date(Math.min(...[...zones.values()].map((z) => midnight(input.date, z).getTime())) - pad)
  const spanTo = new Date(
    Math.max(...[...zones.values()].map((z) => midnight(addDays(input.date, 1), z).getTime())) + pad,
  )
  const ids = resources.map((r) => r.id)
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )
  const r = reservationsTable(req)
  const c = closuresTable(req)
  const cr = closuresRelsTable(req)
  const b = availabilityBlocksTable(req)
  const window = (from: unknown, until: unknown) =>
    sql`${from} < ${spanTo.toISOString()}::timestamptz AND ${until} > ${spanFrom.toISOString()}::timestamptz`
  const [held, closed, blocked] = await Promise.all([
    runSql<{ resource: string; from: Date; until: Date }>(
      req,
      sql`SELECT ${r.resource} AS resource, ${r.blockedFrom} AS "from", ${r.blockedUntil} AS until FROM ${r.$table}
          WHERE ${r.tenant} = ${input.tenant} AND ${r.resource} IN (${idList})
            AND ${r.status} IN ('requested', 'confirmed') AND ${window(r.blockedFrom, r.blockedUntil)}`,
    ),
    runSql<{ resource: string | null; location: string | null; from: Date; until: Date }>(
      req,
      sql`SELECT CASE WHEN c.${c.affectsAllResources} THEN NULL ELSE cr.${cr.resource} END AS resource,
                 c.${c.location} AS location, c.${c.startAt} AS "from", c.${c.endAt} AS until
          FROM ${c.$table} c LEFT JOIN ${cr.$table} cr ON cr.${cr.parent} = c.${c.id} AND NOT c.${c.affectsAllResources}
          WHERE c.${c.tenant} = ${input.tenant} AND ${window(sql`c.${c.startAt}`, sql`c.${c.endAt}`)}`,
    ),
    runSql<{ resource: string; from: Date; until: Date }>(
      req,
      sql`SELECT ${b.resource} AS resource, ${b.startAt} AS "from", ${b.endAt} AS until FROM ${b.$table}
          WHERE ${b.tenant} = ${input.tenant} AND ${b.resource} IN (${idList}) AND ${window(b.startAt, b.endAt)}`,
    ),
  ])
  const range = (row: { resource: string | null; from: Date; until: Date }): Range => ({
    resource: row.resource,
    from: new Date(row.from).getTime(),
    until: new Date(row.until).getTime(),
  })
  const reservations = held.map(range)
  const blocks = blocked.map(range)

  return {
    date: input.date,
    resources: resources.map((resource): ResourceDay => {
      const zone = zones.get(resource.location)!
      // A closure for all resources applies to its location's (or, without one, to every) resource.
      const closures = closed
        .filter((row) => row.resource !== null || row.location === null || row.location === resource.location)
        .map(range)
      const slotMs = resource.slotMinutes * 60_000
      return {
        id: resource.id,
        name: resource.name,
        type: resource.type,
        location: resource.location,
        zone,
        capacity: resource.capacity,
        slotMinutes: resource.slotMinutes,
        minMinutes: resource.minMinutes,
        maxMinutes: resource.maxMinutes,
        requiresApproval: resource.requiresApproval,
        slots: slotStarts(resource, input.date, zone).map((start) => {
          const from = start.getTime()
          const until = from + Math.max(slotMs, resource.minMinutes * 60_000)
          const free =
            from >= now.getTime() &&
            from <= now.getTime() + resource.bookingWindowDays * 86_400_000 &&
            !overlaps(closures, resource.id, from, until) &&
            !overlaps(blocks, resource.id, from, until) &&
            !overlaps(
              reservations,
              resource.id,
              from - resource.bufferBeforeMinutes * 60_000,
              until + resource.bufferAfterMinutes * 60_000,
            )
          return { startAt: start.toISOString(), endAt: new Date(from + slotMs).toISOString(), free }
        }),
      }
    }),
  }
}
