import type { PayloadRequest } from 'payload'
import { OperationError } from '../http/OperationError'
import { DESK_ROLES } from './roles'
import { isPlatformAdmin, tenantsWithRole } from './userTenants'

/** Refuses unless the signed-in principal works the desk (owner, admin, manager, front desk) in `tenant`. */
export const requireDeskRole = (req: PayloadRequest, tenant: string): void => {
  const user = req.user
  if (!user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  if (isPlatformAdmin(user)) return
  if (!tenantsWithRole(user, DESK_ROLES).includes(tenant)) {
    throw new OperationError(403, 'forbidden', 'Only desk staff of this business can do this.')
  }
}
