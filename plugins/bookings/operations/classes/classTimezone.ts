import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

/** The IANA zone a class runs in: its location's, else its tenant's, else UTC. */
export const classTimezone = async (
  req: PayloadRequest,
  input: { tenant?: string; location?: string },
): Promise<string> => {
  if (input.location) {
    const [row] = await runSql<{ timezone: string }>(
      req,
      sql`SELECT timezone FROM locations WHERE id = ${input.location}`,
    )
    if (row?.timezone) return row.timezone
  }
  if (input.tenant) {
    const [row] = await runSql<{ timezone: string }>(req, sql`SELECT timezone FROM tenants WHERE id = ${input.tenant}`)
    if (row?.timezone) return row.timezone
  }
  return 'UTC'
}
