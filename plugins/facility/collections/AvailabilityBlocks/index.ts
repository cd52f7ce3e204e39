import type { CollectionConfig } from 'payload'
import { anyone, tenantScoped } from '@/core'
import { BLOCK_TYPES } from '../../types'
import { managerWrite } from '../shared/access'
import { gridResource } from '../shared/gridFixtures'

/**
 * Time a resource cannot be booked: a closure's share (written when the closure is saved, removed
 * with it), an event or class using the room, maintenance or a hold. New bookings that overlap a
 * block are refused (409 `closed`); existing reservations are cancelled only by closures.
 */
export const AvailabilityBlocks = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'availability-blocks',
      admin: { useAsTitle: 'blockType', defaultColumns: ['resource', 'startAt', 'endAt', 'blockType'], group },
      access: { read: anyone, create: managerWrite, update: managerWrite, delete: managerWrite },
      indexes: [{ fields: ['tenant', 'resource', 'startAt'] }, { fields: ['tenant', 'closure'] }],
      fields: [
        { name: 'resource', type: 'relationship', relationTo: 'facility-resources', required: true },
        {
          type: 'row',
          fields: [
            { name: 'startAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
            { name: 'endAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
          ],
        },
        { name: 'blockType', type: 'select', required: true, defaultValue: 'maintenance', options: [...BLOCK_TYPES] },
        { name: 'closure', type: 'relationship', relationTo: 'closures', admin: { readOnly: true } },
        { name: 'notes', type: 'text' },
      ],
    },
    {
      publicRead: true,
      isolationFixture: async ({ tenant, payload }) => {
        const start = Date.now() + 30 * 86_400_000
        return {
          resource: await gridResource(payload, tenant),
          startAt: new Date(start).toISOString(),
          endAt: new Date(start + 3_600_000).toISOString(),
          blockType: 'maintenance',
        }
      },
    },
  )
