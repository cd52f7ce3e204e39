import type { CollectionConfig } from 'payload'
import { anyone, tenantScoped } from '@/core'
import { managerWrite } from '../shared/access'
import { closureWindow } from './hooks/closureWindow'
import { applyClosureAfterChange } from './hooks/applyClosureAfterChange'
import { removeClosureBlocks } from './hooks/removeClosureBlocks'

/**
 * The club (or some resources) closed for a full local day or a window. Saving one cancels the
 * overlapping reservations in the same transaction (once: a second run finds none), each with a
 * `reservation.cancelled` event, and writes one availability block per affected resource (deleting
 * it removes them); creating one emits `closure.created`.
 */
export const Closures = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'closures',
      admin: { useAsTitle: 'reason', defaultColumns: ['reason', 'startAt', 'endAt', 'affectsAllResources'], group },
      access: { read: anyone, create: managerWrite, update: managerWrite, delete: managerWrite },
      indexes: [{ fields: ['tenant', 'startAt'] }],
      hooks: {
        beforeChange: [closureWindow],
        afterChange: [applyClosureAfterChange],
        beforeDelete: [removeClosureBlocks],
      },
      fields: [
        { name: 'reason', type: 'text', required: true },
        {
          name: 'location',
          type: 'relationship',
          relationTo: 'locations',
          admin: { description: 'Its zone; else the business’s.' },
        },
        { name: 'isFullDay', type: 'checkbox', defaultValue: false },
        {
          name: 'date',
          type: 'text',
          admin: {
            condition: (_, s) => Boolean(s?.isFullDay),
            description: 'YYYY-MM-DD: closed local midnight to midnight.',
          },
          validate: (value: unknown, { siblingData }: { siblingData: { isFullDay?: boolean } }) =>
            !siblingData?.isFullDay || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
              ? true
              : 'A full-day closure needs its date (YYYY-MM-DD).',
        },
        {
          name: 'startAt',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Computed for a full day.' },
        },
        { name: 'endAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'affectsAllResources', type: 'checkbox', defaultValue: true },
        {
          name: 'resources',
          type: 'relationship',
          relationTo: 'facility-resources',
          hasMany: true,
          admin: { condition: (_, s) => !s?.affectsAllResources },
        },
        { name: 'notes', type: 'textarea' },
        { name: 'cancelledCount', type: 'number', defaultValue: 0, admin: { readOnly: true } },
      ],
    },
    {
      publicRead: true,
      isolationFixture: async () => ({
        reason: 'Grid',
        startAt: new Date(Date.now() + 400 * 86_400_000).toISOString(),
        endAt: new Date(Date.now() + 400 * 86_400_000 + 3_600_000).toISOString(),
      }),
    },
  )
