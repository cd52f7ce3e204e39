import type { Config } from 'payload'
import { DESK_ROLES, withAdminScreens } from '@/core'

/** The club's staff screens: the bay grid (`/admin/bays`, with the approval queue and guest check-in) and its nav link. */
export const withFacilityScreens = (config: Config): Config =>
  withAdminScreens(config, [
    {
      key: 'facilityBays',
      Component: '@plugins/facility/admin/BayGridView#BayGridView',
      path: '/bays',
      title: 'Bay grid',
      nav: { label: 'Bay grid', id: 'nav-bays', roles: DESK_ROLES },
    },
  ])
