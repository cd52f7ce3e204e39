import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable } from '@/core'
import { facilityResourcesTable } from '../operations/sql/facilityResourcesTable'
import { reservationsTable } from '../operations/sql/reservationsTable'
import type { TrackmanBookingInput } from './trackmanClient'

/**
 * The bookings Trackman should hold for a tenant's reservations: every `confirmed` reservation on a
 * resource with a `trackmanBayId` (not those imported from a Trackman CSV: they came from there), as `{ externalBookingId, bayId, userAlias, start, end }` (the
 * alias is the member's display name, else "Member"). `ids` picks reservations by id; `from`/`to`
 * those overlapping the window; both together, either.
 */
export const desiredBookings = async (
  req: PayloadRequest,
  tenant: string,
  { ids = [], from, to }: { ids?: string[]; from?: Date; to?: Date },
): Promise<TrackmanBookingInput[]> => {
  const r = reservationsTable(req)
  const f = facilityResourcesTable(req)
  const m = tenantMembershipsTable(req)
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))
  const inWindow =
    from && to ? sql`(r.${r.startAt} < ${to.toISOString()} AND r.${r.endAt} > ${from.toISOString()})` : sql`false`
  const byId = uuids.length
    ? sql`r.${r.id} IN (${sql.join(
        uuids.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`false`
  const rows = await runSql<{ id: string; bay: string; alias: string | null; start_at: string; end_at: string }>(
    req,
    sql`SELECT r.${r.id} AS id, f.${f.trackmanBayId} AS bay, m.${m.displayName} AS alias, r.${r.startAt} AS start_at, r.${r.endAt} AS end_at
        FROM ${r.$table} r
        JOIN ${f.$table} f ON f.${f.id} = r.${r.resource}
        LEFT JOIN ${m.$table} m ON m.${m.id} = r.${r.member}
        WHERE r.${r.tenant} = ${tenant} AND r.${r.status} = 'confirmed'
          AND f.${f.trackmanBayId} IS NOT NULL AND f.${f.trackmanBayId} <> ''
          AND r.${r.importKey} IS NULL
          AND (${inWindow} OR ${byId})
        ORDER BY r.${r.startAt}`,
  )
  return rows.map((row) => ({
    externalBookingId: String(row.id),
    bayId: row.bay,
    userAlias: row.alias?.trim() || 'Member',
    start: new Date(row.start_at).toISOString(),
    end: new Date(row.end_at).toISOString(),
  }))
}
