import { defineSqlTable } from '@/core'

/** The calendar-token field this plugin adds to tenant-memberships (a member's private iCal feed). */
export const memberCalendarTable = defineSqlTable('tenant-memberships', {
  id: 'id',
  icalTokenHash: 'icalTokenHash',
})
