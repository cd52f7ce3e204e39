import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable } from '@/core'

/** The signed-in person's active membership id in `tenant`, if any. */
export const actorMembership = async (req: PayloadRequest, tenant: string): Promise<string | undefined> => {
  if (!req.user || req.user.collection !== 'users') return undefined
  const m = tenantMembershipsTable(req)
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m.$table} WHERE ${m.tenant} = ${tenant} AND ${m.user} = ${req.user.id} AND ${m.status} = 'active' LIMIT 1`,
  )
  return row ? String(row.id) : undefined
}
