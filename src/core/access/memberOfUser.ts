import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
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
  const [row] = await runSql<MemberRow>(
    req,
    sql`SELECT m.id, m.tenant_id, m.stripe_customer_id, u.email, m.profile_display_name AS display_name
        FROM tenant_memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = ${tenant} AND m.user_id = ${String(req.user.id)} AND m.status = 'active'
        LIMIT 1`,
  )
  if (!row) throw new OperationError(403, 'not_a_member', refusal)
  return row
}
