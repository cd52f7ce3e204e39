import { defineSqlTable } from '@/core'

/** `notice-dismissals`: one per member and announcement. */
export const noticeDismissalsTable = defineSqlTable('notice-dismissals', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  announcement: 'announcement',
  noticeType: 'noticeType',
  dismissedAt: 'dismissedAt',
  updatedAt: 'updatedAt',
  createdAt: 'createdAt',
})
