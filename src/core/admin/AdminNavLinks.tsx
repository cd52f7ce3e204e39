'use client'
import { useAuth } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

type NavLink = { href: string; label: string; id: string; roles?: string[] }
type TenantRow = { tenant?: unknown; roles?: string[] | null }
type NavUser = { platformRole?: string | null; tenants?: TenantRow[] | null } | null

/**
 * Links to custom admin screens, after the collection groups in the admin nav; a link with
 * `roles` shows only to platform admins and people holding one of them in some tenant.
 * Registered by plugins as `admin.components.afterNavLinks` with `clientProps: { links }`.
 */
export const AdminNavLinks = ({ links = [] }: { links?: NavLink[] }) => {
  const { user } = useAuth() as { user: NavUser }
  const pathname = usePathname()
  const mayOpen = (link: NavLink) =>
    !link.roles ||
    user?.platformRole === 'super_admin' ||
    (user?.tenants ?? []).some((row) => (row.roles ?? []).some((role) => link.roles!.includes(role)))
  const shown = links.filter(mayOpen)
  if (shown.length === 0) return null
  return (
    <div style={{ marginBottom: 'var(--base)' }}>
      {shown.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`)
        return (
          <a
            className="nav__link"
            href={link.href}
            id={link.id}
            key={link.id}
            aria-current={active ? 'page' : undefined}
          >
            {active && <div className="nav__link-indicator" />}
            <span className="nav__link-label">{link.label}</span>
          </a>
        )
      })}
    </div>
  )
}
