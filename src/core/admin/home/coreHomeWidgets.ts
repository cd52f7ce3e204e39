import { DESK_ROLES } from '../../access/roles'
import type { HomeWidget } from './withHomeWidgets'

/** The kernel's panels of the staff home; plugins add theirs with `withHomeWidgets`. */
export const coreHomeWidgets: HomeWidget[] = [
  {
    slug: 'platform-health',
    Component: '@/core/admin/home/PlatformHealthWidget#PlatformHealthWidget',
    label: 'Platform health',
    audience: 'platform',
    order: 0,
    width: 'full',
  },
  {
    slug: 'new-members',
    Component: '@/core/admin/home/NewMembersWidget#NewMembersWidget',
    label: 'New members',
    audience: { roles: DESK_ROLES },
    order: 60,
  },
]
