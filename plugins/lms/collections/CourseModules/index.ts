import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, anyone, tenantRole, tenantScoped } from '@/core'
import { UNLOCK_MODES } from '../../types'
import { guardModule } from './hooks/guardModule'

/**
 * A section of a course; its order in the course is dragged in the course's edit view. Its unlock
 * rule holds every lesson of the module (checked before the lesson's own rule): N days after
 * enrolment, on a date, at the cohort start, or once a prerequisite lesson or module is done.
 */
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
      hooks: { beforeChange: [guardModule] },
      fields: [
        { name: 'course', type: 'relationship', relationTo: 'courses', required: true },
        { name: 'title', type: 'text', required: true },
        { name: 'description', type: 'textarea' },
        {
          name: 'unlock',
          type: 'group',
          admin: {
            description: 'When the lessons of this module open for an enrolled member (checked on the server).',
          },
          fields: [
            // Not required (empty = none), so modules made without a rule need no `unlock` in their data.
            { name: 'mode', type: 'select', defaultValue: 'none', options: [...UNLOCK_MODES] },
            {
              name: 'days',
              type: 'number',
              min: 0,
              admin: { step: 1, condition: (_, s) => s?.mode === 'after_days', description: 'Days after enrolment.' },
            },
            { name: 'date', type: 'date', admin: { condition: (_, s) => s?.mode === 'on_date' } },
            {
              name: 'prerequisite',
              type: 'relationship',
              relationTo: 'lessons',
              admin: {
                condition: (_, s) => s?.mode === 'prerequisite',
                description: 'Opens once this lesson is done…',
              },
            },
            {
              name: 'prerequisiteModule',
              type: 'relationship',
              relationTo: 'course-modules',
              admin: {
                condition: (_, s) => s?.mode === 'prerequisite',
                description: '…or once every lesson of this module is done.',
              },
            },
          ],
        },
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
