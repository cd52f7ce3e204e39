import type { AdminViewConfig, Config } from 'payload'
import type { Role } from '../access/roles'

export type AdminScreen = {
  /** Key of the custom view in `admin.components.views`. */
  key: string
  /** The view component, referenced by path (`npm run generate` writes the import map). */
  Component: string
  /** Path under `/admin`, e.g. `/pos` or `/check-in/:classId`. */
  path: AdminViewConfig['path'] & string
  title: string
  /** A link in the admin nav, shown to people holding one of `roles` in their current tenant. */
  nav?: { label: string; id: string; roles: readonly Role[] }
}

/** Registers a plugin's staff screens in the admin: each as a custom view, plus one nav entry for their links. */
export const withAdminScreens = (config: Config, screens: AdminScreen[]): Config => {
  const links = screens.flatMap(({ path, nav }) =>
    nav ? [{ href: `/admin${path}`, label: nav.label, id: nav.id, roles: nav.roles }] : [],
  )
  return {
    ...config,
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        views: {
          ...config.admin?.components?.views,
          ...Object.fromEntries(
            screens.map(({ key, Component, path, title }): [string, AdminViewConfig] => [
              key,
              { Component, path, exact: true, meta: { title } },
            ]),
          ),
        },
        afterNavLinks: [
          ...(config.admin?.components?.afterNavLinks ?? []),
          ...(links.length ? [{ path: '@/core/admin/AdminNavLinks#AdminNavLinks', clientProps: { links } }] : []),
        ],
      },
    },
  }
}
