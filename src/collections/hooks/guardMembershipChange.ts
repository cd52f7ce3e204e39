import type { CollectionBeforeChangeHook } from 'payload'
import { APIError } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { idOf } from '@/core/access/idOf'
import { OWNER_ROLES, STAFF_ROLES, type Role } from '@/core/access/roles'
import { hasRoleIn, isPlatformAdmin } from '@/core/access/userTenants'
import { tenantMembershipRolesTable, tenantMembershipsTable, tenantsTable } from '@/core/db/kernelTables'
import { runSql } from '@/core/db/sqlFor'

const isOwner = (roles: unknown, status: unknown) =>
  status === 'active' && Array.isArray(roles) && roles.includes('owner')

/**
 * Role changes: only owners and admins grant staff roles, only owners grant `owner`, and a
 * tenant always keeps one active owner (checked under a lock on the tenant row).
 */
export const guardMembershipChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const user = req.user
  const tenant = idOf(data.tenant ?? originalDoc?.tenant)
  const roles: Role[] = data.roles ?? originalDoc?.roles ?? []
  const before: Role[] = originalDoc?.roles ?? []
  const added = roles.filter((role) => !before.includes(role))
  const removed = before.filter((role) => !roles.includes(role))
  const changedStaff = [...added, ...removed].some((role) => STAFF_ROLES.includes(role))

  if (user && !isPlatformAdmin(user) && req.payloadAPI !== 'local') {
    // (Members editing their own row never get here with roles or status: field access strips them.)
    if (changedStaff && !hasRoleIn(user, tenant, OWNER_ROLES)) {
      throw new APIError('Only owners and admins can grant or remove staff roles.', 403, undefined, true)
    }
    if ([...added, ...removed].includes('owner') && !hasRoleIn(user, tenant, ['owner'])) {
      throw new APIError('Only an owner can grant or remove the owner role.', 403, undefined, true)
    }
  }

  const wasOwner = operation === 'update' && isOwner(originalDoc?.roles, originalDoc?.status)
  const staysOwner = isOwner(roles, data.status ?? originalDoc?.status)
  if (wasOwner && !staysOwner && tenant) {
    const t = tenantsTable(req)
    const m = tenantMembershipsTable(req)
    const r = tenantMembershipRolesTable(req)
    await runSql(req, sql`SELECT ${t.id} FROM ${t} WHERE ${t.id} = ${tenant} FOR UPDATE`)
    const rows = await runSql<{ n: number }>(
      req,
      sql`SELECT count(*)::int AS n FROM ${m} m
          WHERE m.${m.tenant} = ${tenant} AND m.${m.id} <> ${originalDoc.id} AND m.${m.status} = 'active'
            AND EXISTS (SELECT 1 FROM ${r} r WHERE r.${r.parent} = m.${m.id} AND r.${r.value} = 'owner')`,
    )
    if (!rows[0] || rows[0].n < 1) {
      throw new APIError('A tenant must keep at least one active owner.', 409, undefined, true)
    }
  }
  return data
}
