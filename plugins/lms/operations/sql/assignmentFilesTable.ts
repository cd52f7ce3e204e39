import { defineSqlTable } from '@/core'

/** `assignment-files` as the lms plugin's raw SQL uses it. */
export const assignmentFilesTable = defineSqlTable('assignment-files', {
  id: 'id',
  tenant: 'tenant',
  submission: 'submission',
  member: 'member',
})
