import { defineSqlTable } from '@/core'

/** `lessons` as the lms plugin's raw SQL uses it (`order`: the drag order inside the course). */
export const lessonsTable = defineSqlTable(
  'lessons',
  {
    id: 'id',
    tenant: 'tenant',
    title: 'title',
    course: 'course',
    module: 'module',
    itemType: 'itemType',
    content: 'content',
    quiz: 'quiz',
    assignment: 'assignment',
    isPreview: 'isPreview',
    unlockMode: 'unlock.mode',
    unlockDays: 'unlock.days',
    unlockDate: 'unlock.date',
    unlockPrerequisite: 'unlock.prerequisite',
    unlockPrerequisiteModule: 'unlock.prerequisiteModule',
    order: '_lessons_lessons_order',
  },
  { enums: ['itemType', 'unlockMode'] },
)
