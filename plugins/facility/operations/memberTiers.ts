import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { facilityTiersTable, memberTiersTable } from './sql/facilityTiersTable'

export type MemberTier = {
  /** The tier's id (rates are keyed by it), null without a tier. */
  tier: string | null
  tierKey: string | null
  bookingWindowDays: number | null
  /** The tier's free minutes per day (0 without). */
  includedMinutesPerDay: number
  name: string | null
}

/** The active members among `members` in `tenant`, with their tier. */
export const memberTiers = async (
  req: PayloadRequest,
  tenant: string,
  members: string[],
): Promise<Map<string, MemberTier>> => {
  const m = memberTiersTable(req)
  const t = facilityTiersTable(req)
  const rows = await runSql<{
    id: string
    tier: string | null
    key: string | null
    window: number | null
    included: number | null
    name: string | null
  }>(
    req,
    sql`SELECT m.${m.id} AS id, t.${t.id} AS tier, t.${t.key} AS key, t.${t.bookingWindowDays}::int AS window, t.${t.includedMinutesPerDay}::int AS included, m.${m.displayName} AS name
        FROM ${m.$table} m LEFT JOIN ${t.$table} t ON t.${t.id} = m.${m.facilityTier} AND t.${t.tenant} = m.${m.tenant}
        WHERE m.${m.tenant} = ${tenant} AND m.${m.status} = 'active'
          AND m.${m.id} = ANY(${`{${members.join(',')}}`}::uuid[])`,
  )
  return new Map(
    rows.map((row) => [
      String(row.id),
      {
        tier: row.tier ? String(row.tier) : null,
        tierKey: row.key,
        bookingWindowDays: row.window === null ? null : Number(row.window),
        includedMinutesPerDay: Number(row.included ?? 0),
        name: row.name,
      },
    ]),
  )
}
