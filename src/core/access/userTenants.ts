import type { Role } from './roles'
import { idOf } from './idOf'
import { STAFF_ROLES } from './roles'

type TenantRow = { tenant?: unknown; roles?: Role[] | null }
/**
 * The signed-in principal the access helpers read. `req.user` (the generated `User | ApiClient`,
 * typed through payload-types.ts) fits it as is, so callers pass `req.user` without a cast; tests
 * may pass just the fields that matter.
 */
export type AccessUser =
  | {
      id: string | number
      collection?: string
      platformRole?: string | null
      tenants?: TenantRow[] | null
      /** api-clients: the tenant, roles and status of the key. */
      tenant?: unknown
      roles?: Role[] | null
      status?: string | null
    }
  | null
  | undefined

/** Super admins see and change every tenant. */
export const isPlatformAdmin = (user: AccessUser): boolean =>
  Boolean(user && user.collection === 'users' && user.platformRole === 'super_admin')

/** Platform support staff read every tenant but change nothing. */
export const isPlatformStaff = (user: AccessUser): boolean =>
  Boolean(
    user && user.collection === 'users' && (user.platformRole === 'super_admin' || user.platformRole === 'support'),
  )

/** The (tenant, roles) pairs a signed-in principal holds: a person's memberships or an API key's grant. */
const tenantRows = (user: AccessUser): TenantRow[] => {
  if (!user) return []
  if (user.collection === 'users') return Array.isArray(user.tenants) ? user.tenants : []
  if (user.collection === 'api-clients' && user.status === 'active') return [{ tenant: user.tenant, roles: user.roles }]
  return []
}

/** Tenant ids where the principal holds at least one of `roles` (any role when omitted). */
export const tenantsWithRole = (user: AccessUser, roles?: readonly Role[]): string[] => {
  const ids = new Set<string>()
  for (const row of tenantRows(user)) {
    const id = idOf(row.tenant)
    if (!id) continue
    if (!roles || (row.roles ?? []).some((role) => roles.includes(role))) ids.add(id)
  }
  return [...ids]
}

/** The roles the principal holds in one tenant. */
export const rolesIn = (user: AccessUser, tenantId: unknown): Role[] => {
  const id = idOf(tenantId)
  if (!id) return []
  return tenantRows(user)
    .filter((row) => idOf(row.tenant) === id)
    .flatMap((row) => row.roles ?? [])
}

export const hasRoleIn = (user: AccessUser, tenantId: unknown, roles: readonly Role[]): boolean =>
  rolesIn(user, tenantId).some((role) => roles.includes(role))

/** People who are staff of some tenant, or platform staff, may open the admin. */
export const isStaff = (user: AccessUser): boolean =>
  Boolean(user && user.collection === 'users') &&
  (isPlatformStaff(user) || tenantsWithRole(user, STAFF_ROLES).length > 0)
