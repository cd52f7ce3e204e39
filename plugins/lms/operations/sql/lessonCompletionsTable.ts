import { defineSqlTable } from '@/core'

/** `lesson-completions` as the lms plugin's raw SQL uses it. */
export const lessonCompletionsTable = defineSqlTable('lesson-completions', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  course: 'course',
  lesson: 'lesson',
  completedAt: 'completedAt',
})
