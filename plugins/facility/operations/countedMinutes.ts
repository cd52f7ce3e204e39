import { sql } from '@payloadcms/db-postgres'
import type { feeSnapshotsTable } from './sql/feeSnapshotsTable'

/**
 * SQL: the owner's minutes a fee snapshot counted in billing's usage records — its
 * `policy.includedMinutes`; a snapshot written before partial allowances (no such key) counted
 * its whole priced length when its slot-1 line is `included`, else nothing. `alias`: the
 * snapshot table's alias in the query, if any.
 */
export const countedMinutes = (f: ReturnType<typeof feeSnapshotsTable>, alias?: 's') => {
  const col = (column: typeof f.policy) => (alias ? sql`${sql.raw(alias)}.${column}` : sql`${column}`)
  return sql`coalesce((${col(f.policy)}->>'includedMinutes')::int,
    CASE WHEN ${col(f.lines)} @> '[{"slot": 1, "feeType": "included"}]'::jsonb
         THEN coalesce((${col(f.policy)}->>'peakMinutes')::int + (${col(f.policy)}->>'offPeakMinutes')::int, 0) ELSE 0 END)`
}
