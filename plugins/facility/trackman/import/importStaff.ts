import type { PayloadRequest } from 'payload'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin, OperationError, STAFF_ROLES, type AccessUser } from '@/core'

/**
 * Throws 401 without a signed-in user and 404 (`what` not found) unless they are desk staff
 * (`write`) or staff of `tenant`, or a platform admin: another business's imports do not exist for them.
 */
export function assertImportStaff(
  req: PayloadRequest,
  tenant: string | null,
  what: string,
  write = true,
): asserts tenant is string {
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const user: AccessUser = req.user
  if (!tenant || !(isPlatformAdmin(user) || hasRoleIn(user, tenant, write ? DESK_ROLES : STAFF_ROLES)))
    throw new OperationError(404, 'not_found', `No such ${what}.`)
}
