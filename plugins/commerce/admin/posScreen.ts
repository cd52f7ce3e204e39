import type { Config } from 'payload'
import { DESK_ROLES } from '@/core'

/** Registers the POS screen (`/admin/pos`) and its nav link; components are referenced by path (`npm run generate`). */
export const withPosScreen = (config: Config): Config => ({
  ...config,
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      views: {
        ...config.admin?.components?.views,
        commercePos: { Component: '@plugins/commerce/admin/PosView#PosView', path: '/pos', exact: true, meta: { title: 'Point of sale' } },
      },
      afterNavLinks: [
        ...(config.admin?.components?.afterNavLinks ?? []),
        { path: '@/core/admin/AdminNavLinks#AdminNavLinks', clientProps: { links: [{ href: '/admin/pos', label: 'Point of sale', id: 'nav-pos', roles: DESK_ROLES }] } },
      ],
    },
  },
})
