import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import {
  DESK_ROLES,
  hasRoleIn,
  isPlatformAdmin,
  OperationError,
  runSql,
  tenantMembershipsTable,
  type AccessUser,
} from '@/core'
import { actorMembership } from './actorMembership'

export type BookingActor = { member: string; source: 'member' | 'staff'; staff: boolean }

/**
 * Who a booking of something in `tenant` is for: the signed-in person's own membership, or
 * `requested` when desk staff book on someone's behalf. `notFound` is thrown for callers with no
 * place in the tenant (its things are simply not there for them).
 */
export const resolveBookingMember = async (
  req: PayloadRequest,
  tenant: string,
  requested: string | undefined,
  notFound: OperationError,
): Promise<BookingActor> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in to book.')
  const user: AccessUser = req.user
  const staff = isPlatformAdmin(user) || hasRoleIn(user, tenant, DESK_ROLES)
  const own = await actorMembership(req, tenant)
  if (!own && !staff) throw notFound
  if (!requested || requested === own) {
    if (!own) throw new OperationError(400, 'member_required', 'Say which member to book for (`member`).')
    return { member: own, source: 'member', staff }
  }
  if (!staff) throw new OperationError(403, 'forbidden', 'Only desk staff may book for another member.')
  const m = tenantMembershipsTable(req)
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m.$table} WHERE ${m.id} = ${requested} AND ${m.tenant} = ${tenant} AND ${m.status} = 'active'`,
  )
  if (!row) throw new OperationError(404, 'member_not_found', 'No active member with that id in this business.')
  return { member: String(row.id), source: 'staff', staff }
}

/** May the signed-in person act on a member's own record (theirs, or desk staff of the tenant)? */
export const ownsOrWorksDesk = async (req: PayloadRequest, tenant: string, member: string): Promise<boolean> => {
  const user: AccessUser = req.user
  if (!user) return false
  if (isPlatformAdmin(user) || hasRoleIn(user, tenant, DESK_ROLES)) return true
  const m = tenantMembershipsTable(req)
  const [mine] = await runSql<{ one: number }>(
    req,
    sql`SELECT 1 AS one FROM ${m.$table} WHERE ${m.id} = ${member} AND ${m.user} = ${user.id}`,
  )
  return Boolean(mine)
}
