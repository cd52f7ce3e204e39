import type { Access } from 'payload'
import { MANAGER_ROLES, STAFF_ROLES, isStaff, or, tenantRole } from '@/core'

/** Owners, admins and managers of the document's tenant write the website's content. */
export const managerWrite = tenantRole(MANAGER_ROLES)

/** Staff of the tenant read everything. */
export const staffRead = tenantRole(STAFF_ROLES)

/** Published documents (Payload drafts): what visitors read. */
export const publishedOnly: Access = () => ({ _status: { equals: 'published' } })

/** Staff of the tenant read drafts too; anyone reads published posts. */
export const staffOrPublished = or(staffRead, publishedOnly)

/** Anyone who may open the admin (staff of some tenant, platform staff). */
export const anyStaff: Access = ({ req }) => isStaff(req.user)
