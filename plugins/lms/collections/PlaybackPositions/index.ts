import type { CollectionConfig } from 'payload'
import { nobody, tenantScoped } from '@/core'
import { staffOrOwnRows } from '../shared/access'
import { gridLesson } from '../shared/gridFixtures'

/**
 * Where a member stands in a content item's media, on any device. Upserted by
 * `PATCH /api/lessons/:id/position`; `completed` flips at the threshold (95 %) and never reverts.
 */
export const PlaybackPositions = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'playback-positions',
      admin: { useAsTitle: 'id', defaultColumns: ['content', 'member', 'positionSeconds', 'completed'], group },
      access: { read: staffOrOwnRows, create: nobody, update: nobody, delete: nobody },
      indexes: [{ fields: ['tenant', 'member', 'content'], unique: true }],
      fields: [
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
        { name: 'content', type: 'relationship', relationTo: 'content-items', required: true },
        { name: 'positionSeconds', type: 'number', required: true, min: 0 },
        { name: 'durationSeconds', type: 'number', required: true, min: 0 },
        { name: 'completed', type: 'checkbox', defaultValue: false },
        { name: 'completedAt', type: 'date' },
      ],
    },
    {
      isolationFixture: async ({ tenant, payload }) => ({
        content: (await gridLesson(payload, tenant)).content,
        positionSeconds: 1,
        durationSeconds: 10,
      }),
    },
  )
