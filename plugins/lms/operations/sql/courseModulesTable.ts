import { defineSqlTable } from '@/core'

/** `course-modules` as the lms plugin's raw SQL uses it (the module's unlock rule). */
export const courseModulesTable = defineSqlTable(
  'course-modules',
  {
    id: 'id',
    tenant: 'tenant',
    course: 'course',
    title: 'title',
    unlockMode: 'unlock.mode',
    unlockDays: 'unlock.days',
    unlockDate: 'unlock.date',
    unlockPrerequisite: 'unlock.prerequisite',
    unlockPrerequisiteModule: 'unlock.prerequisiteModule',
  },
  { enums: ['unlockMode'] },
)
