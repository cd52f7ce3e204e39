import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable } from '@/core'

/** The viewer's own membership id in a tenant (an instructor's or provider's), or null. */
export const staffMemberOf = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  tenant: string,
  user: string,
): Promise<string | null> => {
  const m = tenantMembershipsTable(req)
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m.$table} WHERE ${m.tenant} = ${tenant} AND ${m.user} = ${user} LIMIT 1`,
  )
  return row?.id ?? null
}
