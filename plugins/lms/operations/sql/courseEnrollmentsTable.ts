import { defineSqlTable } from '@/core'

/** `course-enrollments` as the lms plugin's raw SQL uses it. */
export const courseEnrollmentsTable = defineSqlTable(
  'course-enrollments',
  {
    id: 'id',
    tenant: 'tenant',
    course: 'course',
    member: 'member',
    status: 'status',
    progressPct: 'progressPct',
    enrolledAt: 'enrolledAt',
    completedAt: 'completedAt',
    source: 'source',
    updatedAt: 'updatedAt',
  },
  { enums: ['status', 'source'] },
)
