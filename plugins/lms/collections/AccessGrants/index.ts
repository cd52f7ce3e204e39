import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, tenantRole, tenantScoped } from '@/core'
import { ACCESS_TYPES } from '../../types'
import { staffOrOwnRows } from '../shared/access'
import { guardGrant } from './hooks/guardGrant'
import { announceGrant } from './hooks/announceGrant'

/**
 * What a member may open beyond public content: a course or a content item, by purchase (commerce
 * orders), subscription, complimentary grant, preview, booking or enrolment, from `availableFrom`
 * until `expiresAt` (empty = permanent) unless revoked (a refund). One grant per member and target.
 */
export const AccessGrants = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'access-grants',
      admin: {
        useAsTitle: 'id',
        defaultColumns: ['member', 'course', 'contentItem', 'accessType', 'expiresAt', 'revokedAt'],
        group,
      },
      access: {
        read: staffOrOwnRows,
        create: tenantRole(MANAGER_ROLES),
        update: tenantRole(MANAGER_ROLES),
        delete: tenantRole(MANAGER_ROLES),
      },
      indexes: [
        { fields: ['tenant', 'member', 'course'], unique: true },
        { fields: ['tenant', 'member', 'contentItem'], unique: true },
        { fields: ['tenant', 'expiresAt'] },
        { fields: ['tenant', 'sourceCollection', 'sourceId'] },
      ],
      hooks: { beforeChange: [guardGrant], afterChange: [announceGrant] },
      fields: [
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
        { name: 'course', type: 'relationship', relationTo: 'courses', admin: { description: 'The course, or…' } },
        {
          name: 'contentItem',
          type: 'relationship',
          relationTo: 'content-items',
          admin: { description: '…the item.' },
        },
        {
          name: 'accessType',
          type: 'select',
          required: true,
          defaultValue: 'complimentary',
          options: [...ACCESS_TYPES],
        },
        { name: 'grantedAt', type: 'date' },
        { name: 'availableFrom', type: 'date' },
        { name: 'expiresAt', type: 'date', admin: { description: 'Empty = permanent.' } },
        { name: 'revokedAt', type: 'date', admin: { readOnly: true } },
        { name: 'revokeReason', type: 'text', admin: { readOnly: true } },
        { name: 'lastAccessedAt', type: 'date', admin: { readOnly: true } },
        {
          type: 'row',
          fields: [
            {
              name: 'sourceCollection',
              type: 'text',
              admin: { readOnly: true, description: 'What made it (orders…).' },
            },
            { name: 'sourceId', type: 'text', admin: { readOnly: true } },
          ],
        },
      ],
    },
    {
      isolationFixture: async ({ tenant, payload }) => {
        const course = await payload.create({
          collection: 'courses',
          draft: true,
          data: { tenant, title: 'Grid course', slug: `grid-${Math.random().toString(36).slice(2, 10)}` },
        })
        return { course: course.id, accessType: 'complimentary' }
      },
    },
  )
