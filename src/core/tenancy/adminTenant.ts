import type { Role } from '../access/roles'
import { STAFF_ROLES } from '../access/roles'
import { hasRoleIn, isPlatformAdmin, tenantsWithRole, type AccessUser } from '../access/userTenants'

/** The multi-tenant plugin's tenant selector keeps the admin's chosen tenant in this cookie. */
export const TENANT_COOKIE = 'payload-tenant'

export type AdminTenant = {
  /** The tenant the admin screen works on, or null when none can be chosen for this user. */
  tenant: string | null
  /** Whether the user holds one of the roles the screen asked for in that tenant. */
  allowed: boolean
}

/**
 * The tenant an admin screen works on: the one chosen in the tenant selector (cookie) when the
 * user is staff there (platform admins: any), else the user's only staff tenant; and whether the
 * user holds one of `roles` in it. A cookie naming another tenant is ignored.
 */
export const adminTenant = (
  user: AccessUser,
  cookieTenant: string | null | undefined,
  roles: readonly Role[] = STAFF_ROLES,
): AdminTenant => {
  const chosen = cookieTenant ? String(cookieTenant) : null
  if (isPlatformAdmin(user)) return { tenant: chosen, allowed: Boolean(chosen) }
  const mine = tenantsWithRole(user, STAFF_ROLES)
  const tenant = chosen && mine.includes(chosen) ? chosen : mine.length === 1 ? mine[0] : null
  return { tenant, allowed: Boolean(tenant && hasRoleIn(user, tenant, roles)) }
}
