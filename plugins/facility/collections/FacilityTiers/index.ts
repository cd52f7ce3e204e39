import type { CollectionConfig } from 'payload'
import { anyone, tenantScoped } from '@/core'
import { managerWrite } from '../shared/access'

/**
 * A member tier of the club (Gold, Silver, Bronze…): a member's tier is set on their membership
 * (`facilityTier`); resources price per tier, and a tier may book further ahead.
 */
export const FacilityTiers = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'facility-tiers',
      labels: { singular: 'Member tier', plural: 'Member tiers' },
      admin: { useAsTitle: 'name', defaultColumns: ['name', 'key', 'bookingWindowDays'], group },
      access: { read: anyone, create: managerWrite, update: managerWrite, delete: managerWrite },
      indexes: [{ fields: ['tenant', 'key'], unique: true }],
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'key', type: 'text', required: true, admin: { description: 'A short stable key (gold, bronze).' } },
        {
          name: 'bookingWindowDays',
          type: 'number',
          min: 0,
          admin: { description: 'How far ahead members of this tier may book (empty = the resource’s window).' },
        },
        {
          name: 'includedMinutesPerDay',
          type: 'number',
          min: 0,
          admin: {
            description:
              'Minutes a member of this tier plays free each day (their own share; counted in usage records). Empty = none.',
          },
        },
        { name: 'sortOrder', type: 'number', defaultValue: 0 },
      ],
    },
    {
      publicRead: true,
      isolationFixture: async () => ({ name: 'Grid', key: `grid-${Math.random().toString(36).slice(2, 10)}` }),
    },
  )
