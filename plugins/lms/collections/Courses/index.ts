import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, moneyField, slugField, tenantRole, tenantScoped } from '@/core'
import { enrolEndpoint } from '../../endpoints/enrolEndpoint'
import { courseProgressEndpoint } from '../../endpoints/courseProgressEndpoint'
import { staffOrPublished } from '../shared/access'
import { guardCourse } from './hooks/guardCourse'

/**
 * A course or a series (004's content_series): modules of ordered lessons, drafted and published
 * with Payload versions. The edit view lists its modules and lessons (join fields, ordered by drag).
 */
export const Courses = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'courses',
      trash: true,
      versions: { drafts: true, maxPerDoc: 20 },
      admin: { useAsTitle: 'title', defaultColumns: ['title', 'kind', 'deliveryMode', '_status'], group },
      access: {
        read: staffOrPublished,
        create: tenantRole(MANAGER_ROLES),
        update: tenantRole(MANAGER_ROLES),
        delete: tenantRole(MANAGER_ROLES),
        readVersions: tenantRole(MANAGER_ROLES),
      },
      indexes: [{ fields: ['tenant', 'slug'], unique: true }],
      hooks: { beforeChange: [guardCourse] },
      endpoints: [enrolEndpoint, courseProgressEndpoint],
      fields: [
        { name: 'title', type: 'text', required: true },
        slugField(),
        { name: 'description', type: 'textarea' },
        { name: 'thumbnail', type: 'upload', relationTo: 'media' },
        { name: 'kind', type: 'select', required: true, defaultValue: 'course', options: ['course', 'series'] },
        {
          name: 'deliveryMode',
          type: 'select',
          required: true,
          defaultValue: 'self_paced',
          options: ['self_paced', 'cohort', 'live', 'drip'],
        },
        {
          name: 'navigation',
          type: 'select',
          required: true,
          defaultValue: 'free',
          options: [
            { label: 'Free-form', value: 'free' },
            { label: 'Linear (each lesson after the previous one)', value: 'linear' },
          ],
        },
        { name: 'cohortStartDate', type: 'date' },
        { name: 'cohortEndDate', type: 'date' },
        moneyField({ name: 'price', label: 'Price (empty or 0 = free)' }),
        { name: 'publishedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
        { name: 'creator', type: 'relationship', relationTo: 'tenant-memberships' },
        {
          name: 'modules',
          type: 'join',
          collection: 'course-modules',
          on: 'course',
          orderable: true,
          admin: { defaultColumns: ['title'] },
        },
        {
          name: 'lessons',
          type: 'join',
          collection: 'lessons',
          on: 'course',
          orderable: true,
          admin: { defaultColumns: ['title', 'module', 'itemType', 'isPreview'] },
        },
      ],
    },
    {
      publicRead: true,
      isolationFixture: () => ({ title: 'Grid course', slug: `grid-${Math.random().toString(36).slice(2, 10)}` }),
    },
  )
