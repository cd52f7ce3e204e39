import type { CollectionConfig } from 'payload'
import { tenantScoped, nobody, DESK_ROLES, tenantRole } from '@/core'
import { ENROLLMENT_SOURCES, ENROLLMENT_STATUSES } from '../../types'
import { staffOrOwnRows } from '../shared/access'
import { gridLesson } from '../shared/gridFixtures'

const systemOnly = { create: () => false, update: () => false }

/**
 * A member's place in a course. Made by `POST /api/courses/:id/enrol`; progress and completion
 * change only through lesson completions (one conditional SQL statement each).
 */
export const CourseEnrollments = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'course-enrollments',
      admin: { useAsTitle: 'id', defaultColumns: ['course', 'member', 'status', 'progressPct', 'enrolledAt'], group },
      access: { read: staffOrOwnRows, create: nobody, update: tenantRole(DESK_ROLES), delete: nobody },
      indexes: [{ fields: ['tenant', 'course', 'member'], unique: true }, { fields: ['tenant', 'member', 'status'] }],
      fields: [
        { name: 'course', type: 'relationship', relationTo: 'courses', required: true, access: systemOnly },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true, access: systemOnly },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'active',
          options: [...ENROLLMENT_STATUSES],
          admin: { description: 'Staff may drop or expire an enrolment; completion is set by the system.' },
          validate: (value: unknown, { previousValue }: { previousValue?: unknown }) =>
            value === previousValue || value !== 'completed' ? true : 'Only lesson completions complete an enrolment.',
        },
        { name: 'progressPct', type: 'number', defaultValue: 0, min: 0, max: 100, access: systemOnly },
        { name: 'enrolledAt', type: 'date', access: systemOnly },
        { name: 'completedAt', type: 'date', access: systemOnly },
        { name: 'source', type: 'select', defaultValue: 'free', options: [...ENROLLMENT_SOURCES], access: systemOnly },
      ],
    },
    { isolationFixture: async ({ tenant, payload }) => ({ course: (await gridLesson(payload, tenant)).course }) },
  )
