import type { Config } from 'payload'
import { DESK_ROLES, withAdminScreens, type AdminScreen } from '@/core'

/**
 * The club's staff screens: the bay grid (`/admin/bays`, with the approval queue and guest
 * check-in) and, with the Trackman options on, the Trackman CSV import (`/admin/trackman-import`,
 * with its progress bar and review queue); their nav links.
 */
export const withFacilityScreens = (config: Config, { trackmanImport = false } = {}): Config =>
  withAdminScreens(config, [
    {
      key: 'facilityBays',
      Component: '@plugins/facility/admin/BayGridView#BayGridView',
      path: '/bays',
      title: 'Bay grid',
      nav: { label: 'Bay grid', id: 'nav-bays', roles: DESK_ROLES },
    },
    ...(trackmanImport
      ? [
          {
            key: 'facilityTrackmanImport',
            Component: '@plugins/facility/admin/TrackmanImportView#TrackmanImportView',
            path: '/trackman-import',
            title: 'Trackman import',
            nav: { label: 'Trackman import', id: 'nav-trackman-import', roles: DESK_ROLES },
          } satisfies AdminScreen,
        ]
      : []),
  ])
