import type { CollectionConfig } from 'payload'
import { tenantScoped } from '@/core'
import { deskWrite, staffOrOwnRows } from '../shared/access'

/**
 * A day pass bought as a commerce order (`order.paid`, a `day_pass` line): one row per unit, U(tenant,
 * order, unit), held by the order's member or, for a sale without one, by a guest (the buyer). Desk
 * staff spend it once (`POST /api/day-passes/:id/check-in`: active → used by one conditional
 * UPDATE), admitting its guest with a guest check-in. When the order is refunded in full
 * (`order.refunded`), its unused passes become `void` (`voidedAt`); a used one stays used.
 */
export const DayPasses = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'day-passes',
      admin: { useAsTitle: 'name', defaultColumns: ['name', 'member', 'guest', 'status', 'usedOn'], group },
      access: { read: staffOrOwnRows, create: deskWrite, update: deskWrite, delete: deskWrite },
      indexes: [{ fields: ['tenant', 'order', 'unit'], unique: true }, { fields: ['tenant', 'guest'] }],
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'order', type: 'text', required: true, admin: { description: 'The commerce order that sold it.' } },
        { name: 'unit', type: 'number', required: true, min: 1, defaultValue: 1 },
        { name: 'product', type: 'text', admin: { description: 'The commerce product (day_pass).' } },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships' },
        { name: 'guest', type: 'relationship', relationTo: 'guests' },
        { name: 'status', type: 'select', required: true, defaultValue: 'active', options: ['active', 'used', 'void'] },
        { name: 'usedAt', type: 'date', admin: { readOnly: true } },
        { name: 'usedOn', type: 'text', admin: { readOnly: true, description: 'YYYY-MM-DD in the club’s zone.' } },
        { name: 'checkIn', type: 'relationship', relationTo: 'guest-check-ins', admin: { readOnly: true } },
        {
          name: 'voidedAt',
          type: 'date',
          admin: { readOnly: true, description: 'Voided because its order was refunded (an unused pass only).' },
        },
      ],
    },
    {
      isolationFixture: async ({ member }) => ({
        name: 'Grid day pass',
        order: `grid-${Math.random().toString(36).slice(2, 10)}`,
        unit: 1,
        member,
      }),
    },
  )
