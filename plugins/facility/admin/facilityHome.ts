import type { Config } from 'payload'
import { DESK_ROLES, withHomeWidgets } from '@/core'

/** The facility panel of the staff home: today's bays and the requests to approve. */
export const withFacilityHome = (config: Config): Config =>
  withHomeWidgets(config, [
    {
      slug: 'facility-bays-today',
      Component: '@plugins/facility/admin/BaysTodayWidget#BaysTodayWidget',
      label: 'Bays today',
      audience: { roles: DESK_ROLES },
      order: 15,
      width: 'full',
    },
  ])
