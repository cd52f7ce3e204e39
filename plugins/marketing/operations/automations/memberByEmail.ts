import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable, usersTable } from '@/core'

/** The tenant's member with this e-mail, case-insensitive (a form or a lead names an e-mail, not a member). */
export const memberByEmail = async (req: PayloadRequest, tenant: string, email: string): Promise<string | null> => {
  const m = tenantMembershipsTable(req)
  const u = usersTable(req)
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT m.${m.id} AS id FROM ${m.$table} m JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
        WHERE m.${m.tenant} = ${tenant} AND lower(u.${u.email}) = lower(${email}) LIMIT 1`,
  )
  return row?.id ? String(row.id) : null
}
