import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { locationsTable, runSql, tenantsTable } from '@/core'

/** The IANA zone a resource or closure keeps: its location's, else its tenant's, else UTC. */
export const facilityZone = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  input: { tenant: string; location?: string | null },
): Promise<string> => {
  const l = locationsTable(req)
  const t = tenantsTable(req)
  const [row] = await runSql<{ zone: string | null }>(
    req,
    sql`SELECT coalesce((SELECT ${l.timezone} FROM ${l.$table} WHERE ${l.id} = ${input.location ?? null}),
                        (SELECT ${t.timezone} FROM ${t.$table} WHERE ${t.id} = ${input.tenant})) AS zone`,
  )
  return row?.zone || 'UTC'
}
