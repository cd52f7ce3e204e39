import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, anyone, tenantRole, tenantScoped } from '@/core'

/** A section of a course; its order in the course is dragged in the course's edit view. */
export const CourseModules = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'course-modules',
      admin: { useAsTitle: 'title', defaultColumns: ['title', 'course'], group },
      access: {
        read: anyone, // the syllabus is public; lessons' media are not
        create: tenantRole(MANAGER_ROLES),
        update: tenantRole(MANAGER_ROLES),
        delete: tenantRole(MANAGER_ROLES),
      },
      indexes: [{ fields: ['tenant', 'course'] }],
      fields: [
        { name: 'course', type: 'relationship', relationTo: 'courses', required: true },
        { name: 'title', type: 'text', required: true },
        { name: 'description', type: 'textarea' },
        {
          name: 'lessons',
          type: 'join',
          collection: 'lessons',
          on: 'module',
          admin: { defaultColumns: ['title', 'itemType', 'isPreview'] },
        },
      ],
    },
    { publicRead: true },
  )
