import type { CollectionConfig } from 'payload'
import { nobody, tenantScoped } from '@/core'
import { staffOrOwnRows } from '../shared/access'
import { gridLesson } from '../shared/gridFixtures'

/** One row per member and lesson done (`POST /api/lessons/:id/complete`, idempotent in SQL). */
export const LessonCompletions = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'lesson-completions',
      admin: { useAsTitle: 'id', defaultColumns: ['lesson', 'course', 'member', 'completedAt'], group },
      access: { read: staffOrOwnRows, create: nobody, update: nobody, delete: nobody },
      indexes: [{ fields: ['tenant', 'member', 'lesson'], unique: true }, { fields: ['tenant', 'member', 'course'] }],
      fields: [
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
        { name: 'course', type: 'relationship', relationTo: 'courses', required: true },
        { name: 'lesson', type: 'relationship', relationTo: 'lessons', required: true },
        { name: 'completedAt', type: 'date', required: true },
      ],
    },
    {
      isolationFixture: async ({ tenant, payload }) => {
        const { course, lesson } = await gridLesson(payload, tenant)
        return { course, lesson }
      },
    },
  )
