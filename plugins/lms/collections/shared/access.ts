import type { Access, FieldAccess } from 'payload'
import { STAFF_ROLES, hasRoleIn, isPlatformStaff, or, self, tenantRole } from '@/core'

/** Published documents (Payload drafts): what visitors and members may read of the catalog. */
export const publishedOnly: Access = () => ({ _status: { equals: 'published' } })

/** Staff of the document's tenant read everything; anyone else reads published documents. */
export const staffOrPublished = or(tenantRole(STAFF_ROLES), publishedOnly)

/** Staff of the tenant, or the member the row belongs to. */
export const staffOrOwnRows = or(tenantRole(STAFF_ROLES), self('member.user'))

/**
 * Field-level: staff of the document's tenant (or platform staff) only. Members get the media and
 * body of a lesson through `GET /api/lessons/:id/view`, which decides access first.
 */
export const staffOfDocTenant: FieldAccess = ({ req, doc }) =>
  isPlatformStaff(req.user) || hasRoleIn(req.user, (doc as { tenant?: unknown } | undefined)?.tenant, STAFF_ROLES)
