import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin, OperationError, runSql, type AccessUser } from '@/core'
import { memberTiersTable } from './sql/facilityTiersTable'

export type BookingMember = { member: string; source: 'member' | 'staff'; staff: boolean }

/**
 * Who a reservation in `tenant` is for: the signed-in person's own active membership, or
 * `requested` when desk staff book for someone. 404 for callers with no place in the tenant.
 */
export const bookingMember = async (
  req: PayloadRequest,
  tenant: string,
  requested: string | undefined,
): Promise<BookingMember> => {
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in to book.')
  const user: AccessUser = req.user
  const staff = isPlatformAdmin(user) || hasRoleIn(user, tenant, DESK_ROLES)
  const m = memberTiersTable(req)
  const [own] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m.$table} WHERE ${m.tenant} = ${tenant} AND ${m.user} = ${req.user.id} AND ${m.status} = 'active' LIMIT 1`,
  )
  if (!own && !staff) throw new OperationError(404, 'not_found', 'No such resource.')
  if (!requested || requested === own?.id) {
    if (!own) throw new OperationError(400, 'member_required', 'Say which member to book for (`member`).')
    return { member: String(own.id), source: 'member', staff }
  }
  if (!staff) throw new OperationError(403, 'forbidden', 'Only desk staff may book for another member.')
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m.$table} WHERE ${m.id} = ${requested} AND ${m.tenant} = ${tenant} AND ${m.status} = 'active'`,
  )
  if (!row) throw new OperationError(404, 'member_not_found', 'No active member with that id in this business.')
  return { member: String(row.id), source: 'staff', staff }
}
