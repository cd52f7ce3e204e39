/** Roles a person holds in one tenant (tenant-memberships.roles). */
export const ROLES = [
  'owner',
  'admin',
  'manager',
  'front_desk',
  'instructor',
  'coach',
  'creator',
  'support',
  'member',
] as const

export type Role = (typeof ROLES)[number]

/** Every role but `member` opens the admin for that tenant. */
export const STAFF_ROLES: Role[] = ROLES.filter((role) => role !== 'member')

/** Roles that run the business: settings, staff, integrations. */
export const OWNER_ROLES: Role[] = ['owner', 'admin']

/** Roles that manage schedules, catalogue and people day to day. */
export const MANAGER_ROLES: Role[] = ['owner', 'admin', 'manager']

/** Roles that work the desk: members, check-in, sales. */
export const DESK_ROLES: Role[] = ['owner', 'admin', 'manager', 'front_desk']
