import type { Config } from 'payload'
import { DESK_ROLES, withAdminScreens } from '@/core'

/** Registers the POS screen (`/admin/pos`) and its nav link. */
export const withPosScreen = (config: Config): Config =>
  withAdminScreens(config, [
    {
      key: 'commercePos',
      Component: '@plugins/commerce/admin/PosView#PosView',
      path: '/pos',
      title: 'Point of sale',
      nav: { label: 'Point of sale', id: 'nav-pos', roles: DESK_ROLES },
    },
  ])
