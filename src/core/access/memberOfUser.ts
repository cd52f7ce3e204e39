import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { tenantMembershipsTable, usersTable } from '../db/kernelTables'
import { runSql } from '../db/sqlFor'
import { OperationError } from '../http/OperationError'

export type MemberRow = {
  id: string
  tenant_id: string
  stripe_customer_id: string | null
  email: string | null
  display_name: string | null
}

/**
 * The signed-in user's active membership of `tenant` (with the user's e-mail and display name):
 * 401 `unauthenticated` when signed out, 403 `not_a_member` (with `refusal`) otherwise.
 */
export const memberOfUser = async (
  req: PayloadRequest,
  tenant: string,
  refusal = 'Only members of this business can do this here.',
): Promise<MemberRow> => {
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const m = tenantMembershipsTable(req)
  const u = usersTable(req)
  const [row] = await runSql<MemberRow>(
    req,
    sql`SELECT m.${m.id} AS id, m.${m.tenant} AS tenant_id, m.${m.stripeCustomerId} AS stripe_customer_id, u.${u.email} AS email,
               m.${m.displayName} AS display_name
        FROM ${m.$table} m JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
        WHERE m.${m.tenant} = ${tenant} AND m.${m.user} = ${String(req.user.id)} AND m.${m.status} = 'active'
        LIMIT 1`,
  )
  if (!row) throw new OperationError(403, 'not_a_member', refusal)
  return row
}
