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
import { lockSubscription } from './billingContext'

/**
 * Locks a subscription for a change by the signed-in person: desk staff of its tenant always,
 * the member it belongs to when `memberMay`. Anyone else gets 404 (it does not exist for them).
 */
export const subscriptionForChange = async (req: PayloadRequest, id: string, memberMay: boolean) => {
  const user: AccessUser = req.user
  if (!user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const subscription = await lockSubscription(req, id)
  if (!subscription) throw new OperationError(404, 'not_found', 'Subscription not found.')
  const staff = isPlatformAdmin(user) || hasRoleIn(user, subscription.tenant, DESK_ROLES)
  if (staff) return { subscription, staff }
  const m = tenantMembershipsTable(req)
  const [own] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m} WHERE ${m.id} = ${subscription.member} AND ${m.user} = ${user.id}`,
  )
  if (!own) throw new OperationError(404, 'not_found', 'Subscription not found.')
  if (!memberMay) throw new OperationError(403, 'forbidden', 'Only desk staff of this business can do this.')
  return { subscription, staff }
}
