import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

/** The signed-in person's active membership id in `tenant`, if any. */
export const actorMembership = async (req: PayloadRequest, tenant: string): Promise<string | undefined> => {
  if (!req.user || req.user.collection !== 'users') return undefined
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT id FROM tenant_memberships WHERE tenant_id = ${tenant} AND user_id = ${req.user.id} AND status = 'active' LIMIT 1`,
  )
  return row ? String(row.id) : undefined
}
