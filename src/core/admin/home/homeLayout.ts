import type { PayloadRequest, WidgetInstance } from 'payload'
import { parseCookies } from 'payload'
import { isPlatformAdmin, rolesIn, type AccessUser } from '../../access/userTenants'
import { adminTenant, TENANT_COOKIE } from '../../tenancy/adminTenant'
import { homeWidgetsOf } from './withHomeWidgets'

/**
 * The default staff home for the signed-in person: platform admins get the platform panels,
 * tenant staff the panels of their roles in the tenant chosen in the admin (an instructor sees
 * their own day, an owner the business), then Payload's collection cards.
 */
export const homeLayout = ({ req }: { req: PayloadRequest }): WidgetInstance[] => {
  const user = req.user as AccessUser
  const widgets = [...homeWidgetsOf(req.payload.config.custom)].sort((a, b) => a.order - b.order)
  const cookieTenant = parseCookies(req.headers).get(TENANT_COOKIE)
  const { tenant } = adminTenant(user, cookieTenant)
  const roles = tenant ? rolesIn(user, tenant) : []
  const platform = isPlatformAdmin(user)
  const shown = widgets.filter((widget) =>
    widget.audience === 'platform'
      ? platform
      : (platform && tenant !== null) || widget.audience.roles.some((role) => roles.includes(role)),
  )
  return [
    ...shown.map((widget) => ({ widgetSlug: widget.slug, width: widget.width ?? 'medium' }) as WidgetInstance),
    { widgetSlug: 'collections', width: 'full' } as WidgetInstance,
  ]
}
