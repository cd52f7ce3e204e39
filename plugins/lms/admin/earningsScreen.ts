import type { Config } from 'payload'
import { withAdminScreens } from '@/core'
import { EARNINGS_ROLES } from '../operations/readEarnings'

/** Registers the creator's earnings screen (`/admin/earnings`) and its nav link (owners and admins). */
export const withEarningsScreen = (config: Config): Config =>
  withAdminScreens(config, [
    {
      key: 'lmsEarnings',
      Component: '@plugins/lms/admin/EarningsView#EarningsView',
      path: '/earnings',
      title: 'Earnings',
      nav: { label: 'Earnings', id: 'nav-earnings', roles: EARNINGS_ROLES },
    },
  ])
