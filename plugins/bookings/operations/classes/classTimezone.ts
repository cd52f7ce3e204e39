import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { locationsTable, runSql, tenantsTable } from '@/core'

/** The IANA zone a class runs in: its location's, else its tenant's, else UTC. */
export const classTimezone = async (
  req: PayloadRequest,
  input: { tenant?: string; location?: string },
): Promise<string> => {
  if (input.location) {
    const l = locationsTable(req)
    const [row] = await runSql<{ timezone: string }>(
      req,
      sql`SELECT ${l.timezone} AS timezone FROM ${l.$table} WHERE ${l.id} = ${input.location}`,
    )
    if (row?.timezone) return row.timezone
  }
  if (input.tenant) {
    const t = tenantsTable(req)
    const [row] = await runSql<{ timezone: string }>(
      req,
      sql`SELECT ${t.timezone} AS timezone FROM ${t.$table} WHERE ${t.id} = ${input.tenant}`,
    )
    if (row?.timezone) return row.timezone
  }
  return 'UTC'
}
