import { defineSqlTable } from '@/core'

/** `assignment-submissions` as the lms plugin's raw SQL uses it. */
export const assignmentSubmissionsTable = defineSqlTable(
  'assignment-submissions',
  {
    id: 'id',
    tenant: 'tenant',
    assignment: 'assignment',
    member: 'member',
    attempt: 'attempt',
    status: 'status',
    points: 'points',
    submittedAt: 'submittedAt',
  },
  { enums: ['status'] },
)
