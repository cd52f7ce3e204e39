import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin, runSql, tenantMembershipsTable, type AccessUser } from '@/core'

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
  const m = tenantMembershipsTable(req)
  const [mine] = await runSql<{ one: number }>(
    req,
    sql`SELECT 1 AS one FROM ${m} WHERE ${m.id} = ${provider} AND ${m.user} = ${user.id} AND ${m.status} = 'active'`,
  )
  return Boolean(mine)
}
