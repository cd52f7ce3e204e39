import { DESK_ROLES, MANAGER_ROLES, STAFF_ROLES, or, self, tenantRole } from '@/core'

/** Staff of the tenant, or the member the row belongs to. */
export const staffOrOwnRows = or(tenantRole(STAFF_ROLES), self('member.user'))

/** Staff of the tenant read; desk staff write (reservations, guests). */
export const staffRead = tenantRole(STAFF_ROLES)
export const deskWrite = tenantRole(DESK_ROLES)
export const managerWrite = tenantRole(MANAGER_ROLES)
