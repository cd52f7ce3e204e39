import type { Access, Where } from 'payload'
import { DESK_ROLES, MANAGER_ROLES, STAFF_ROLES, and, or, platformStaff, self, tenantRole, type Role } from '@/core'

/** Staff who work leads, deals and member notes: owner, admin, manager, front desk. */
export const CRM_ROLES: readonly Role[] = DESK_ROLES
/** Staff who read (and write) only the member notes shared with instructors. */
export const INSTRUCTOR_NOTE_ROLES: readonly Role[] = ['instructor', 'coach']

export const crmRead = or(platformStaff, tenantRole(CRM_ROLES))
export const crmWrite = tenantRole(CRM_ROLES)
export const managerWrite = tenantRole(MANAGER_ROLES)
export const staffRead = or(platformStaff, tenantRole(STAFF_ROLES))

/** Never a note about the reader themselves (a staff member is also a member of their tenant). */
const notAboutMe: Access = ({ req }) =>
  req.user ? ({ 'member.user': { not_equals: req.user.id } } satisfies Where) : false

/**
 * Member notes: desk staff read every note, instructors and coaches only those with visibility
 * `instructors`; nobody reads notes about themselves (so a member never gets one through any API).
 */
export const noteRead: Access = or(
  platformStaff,
  and(
    or(
      tenantRole(CRM_ROLES),
      and(tenantRole(INSTRUCTOR_NOTE_ROLES), () => ({ visibility: { equals: 'instructors' } })),
    ),
    notAboutMe,
  ),
)

/** Desk staff write any kind of note; instructors and coaches write instructor-visible ones. */
export const noteCreate: Access = or(
  tenantRole(CRM_ROLES),
  and(
    tenantRole(INSTRUCTOR_NOTE_ROLES),
    ({ data }) => (data as { visibility?: string } | undefined)?.visibility === 'instructors',
  ),
)

/** Only the note's author or a manager (owner, admin, manager) edits or deletes it. */
export const noteEdit: Access = or(
  tenantRole(MANAGER_ROLES),
  and(tenantRole([...CRM_ROLES, ...INSTRUCTOR_NOTE_ROLES]), self('author.user')),
)
