import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin, runSql, type AccessUser } from '@/core'

/**
 * May the signed-in person take attendance (check in, mark a no-show) for something of `tenant`:
 * desk staff of the tenant, or the person named by `provider` (a membership of theirs)?
 */
export const takesAttendance = async (
  req: PayloadRequest,
  tenant: string,
  provider?: string | null,
): Promise<boolean> => {
  const user: AccessUser = req.user
  if (!user) return false
  if (isPlatformAdmin(user) || hasRoleIn(user, tenant, DESK_ROLES)) return true
  if (!provider || req.user?.collection !== 'users') return false
  const [mine] = await runSql(
    req,
    sql`SELECT 1 FROM tenant_memberships WHERE id = ${provider} AND user_id = ${user.id} AND status = 'active'`,
  )
  return Boolean(mine)
}
