import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { localDayBounds, runSql } from '@/core'
import { facilityZone } from './facilityZone'
import { facilityResourcesTable } from './sql/facilityResourcesTable'
import { reservationParticipantsTable } from './sql/reservationParticipantsTable'
import { reservationsTable } from './sql/reservationsTable'

export type BayArrival = {
  id: string
  resource: string
  startAt: string
  endAt: string
  status: string
  owner: string
  players: number
  guests: number
  checkedIn: boolean
}
export type BaysToday = {
  zone: string
  /** Active bookable resources (none: the tenant does not run bays, the panel stays away). */
  resources: number
  /** Reservations starting today that hold their bay (confirmed or requested). */
  today: number
  guestsToday: number
  /** Requests waiting for staff, any day. */
  requests: number
  /** Today's reservations not yet over, then the oldest waiting requests (at most 8 in all). */
  arrivals: BayArrival[]
}

/**
 * The staff home's bay panel for a tenant: today's reservations (in the club's zone) with their
 * parties, and the requests waiting for approval. Two statements on the (tenant, startAt) index.
 * The caller checks the viewer's role.
 */
export const readBaysToday = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  input: { tenant: string; now?: Date },
): Promise<BaysToday> => {
  const now = input.now ?? new Date()
  const zone = await facilityZone(req, { tenant: input.tenant })
  const day = localDayBounds(now, zone)
  const r = reservationsTable(req)
  const f = facilityResourcesTable(req)
  const p = reservationParticipantsTable(req)
  const from = day.from.toISOString()
  const to = day.to.toISOString()
  const [[totals], arrivals] = await Promise.all([
    runSql<{ resources: number; today: number; guests: number; requests: number }>(
      req,
      sql`SELECT
            (SELECT count(*)::int FROM ${f.$table} WHERE ${f.tenant} = ${input.tenant} AND ${f.isActive} AND ${f.deletedAt} IS NULL) AS resources,
            (SELECT count(*)::int FROM ${r.$table} WHERE ${r.tenant} = ${input.tenant} AND ${r.status} IN ('requested', 'confirmed')
               AND ${r.startAt} >= ${from}::timestamptz AND ${r.startAt} < ${to}::timestamptz) AS today,
            (SELECT count(*)::int FROM ${r.$table} x JOIN ${p.$table} pp ON pp.${p.reservation} = x.${r.id}
              WHERE x.${r.tenant} = ${input.tenant} AND x.${r.status} IN ('requested', 'confirmed') AND pp.${p.participantType} = 'guest'
                AND x.${r.startAt} >= ${from}::timestamptz AND x.${r.startAt} < ${to}::timestamptz) AS guests,
            (SELECT count(*)::int FROM ${r.$table} WHERE ${r.tenant} = ${input.tenant} AND ${r.status} = 'requested'
               AND ${r.endAt} > now()) AS requests`,
    ),
    runSql<BayArrival>(
      req,
      sql`SELECT x.${r.id} AS id, res.${f.name} AS resource, x.${r.startAt} AS "startAt", x.${r.endAt} AS "endAt",
                 x.${r.status} AS status, x.${r.checkedInAt} IS NOT NULL AS "checkedIn",
                 coalesce(min(pp.${p.displayName}) FILTER (WHERE pp.${p.participantType} = 'owner'),
                          min(pp.${p.displayName} || ' (walk-in)') FILTER (WHERE pp.${p.slotNumber} = 1), 'Member') AS owner,
                 count(pp.${p.id})::int AS players,
                 (count(pp.${p.id}) FILTER (WHERE pp.${p.participantType} = 'guest'))::int AS guests
          FROM ${r.$table} x
          JOIN ${f.$table} res ON res.${f.id} = x.${r.resource}
          LEFT JOIN ${p.$table} pp ON pp.${p.reservation} = x.${r.id}
          WHERE x.${r.tenant} = ${input.tenant} AND x.${r.status} IN ('requested', 'confirmed') AND x.${r.endAt} > ${now.toISOString()}::timestamptz
            AND (x.${r.status} = 'requested' OR x.${r.startAt} < ${to}::timestamptz)
          GROUP BY x.${r.id}, res.${f.name}
          ORDER BY (x.${r.startAt} < ${to}::timestamptz) DESC, x.${r.startAt}
          LIMIT 8`,
    ),
  ])
  return {
    zone,
    resources: totals?.resources ?? 0,
    today: totals?.today ?? 0,
    guestsToday: totals?.guests ?? 0,
    requests: totals?.requests ?? 0,
    arrivals: arrivals.map((a) => ({
      ...a,
      startAt: new Date(a.startAt).toISOString(),
      endAt: new Date(a.endAt).toISOString(),
    })),
  }
}
