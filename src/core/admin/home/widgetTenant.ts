import type { WidgetServerProps } from 'payload'
import type { Role } from '../../access/roles'
import { rolesIn, type AccessUser } from '../../access/userTenants'
import { adminTenant, TENANT_COOKIE } from '../../tenancy/adminTenant'

/**
 * The tenant a home panel reports on (the one chosen in the admin) and the viewer's roles there;
 * `tenant` is null when the viewer holds none of `roles` in it.
 */
export const widgetTenant = (props: WidgetServerProps, roles: readonly Role[]) => {
  const user = props.req.user as AccessUser
  const { tenant, allowed } = adminTenant(user, props.cookies.get(TENANT_COOKIE), roles)
  return { tenant: allowed ? tenant : null, roles: tenant ? rolesIn(user, tenant) : [] }
}
