import { defineSqlTable } from '@/core'

/** `course-modules` as the lms plugin's raw SQL uses it (`order`: the drag order inside the course). */
export const courseModulesTable = defineSqlTable('course-modules', {
  id: 'id',
  tenant: 'tenant',
  course: 'course',
  order: '_course-modules_modules_order',
})
