import type { CollectionConfig } from 'payload'
import { moneyField, tenantScoped } from '@/core'
import { FEE_STATUSES } from '../../types'
import { gridReservation } from '../shared/gridFixtures'
import { deskWrite, staffOrOwnRows } from '../shared/access'
import { freezePaidSnapshot } from './hooks/freezePaidSnapshot'

/**
 * What a reservation costs, computed once at booking (`lines` per player, `total` their sum, the
 * pricing inputs in `policy`). Frozen once paid: later tier or price changes never alter it; a
 * change means voiding it and writing a new one. One non-void snapshot per reservation.
 */
export const FeeSnapshots = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'fee-snapshots',
      admin: { useAsTitle: 'id', defaultColumns: ['reservation', 'total', 'status', 'computedAt'], group },
      access: { read: staffOrOwnRows, create: deskWrite, update: deskWrite, delete: deskWrite },
      indexes: [{ fields: ['tenant', 'reservation'] }, { fields: ['tenant', 'member'] }],
      hooks: { beforeChange: [freezePaidSnapshot] },
      fields: [
        { name: 'reservation', type: 'relationship', relationTo: 'reservations', required: true },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
        { name: 'status', type: 'select', required: true, defaultValue: 'pending', options: [...FEE_STATUSES] },
        moneyField({ name: 'total', required: true }),
        { name: 'lines', type: 'json', admin: { description: 'Per player: slot, feeType, amount, reason.' } },
        { name: 'policy', type: 'json', admin: { description: 'The pricing inputs (mode, rates, peak minutes).' } },
        { name: 'computedAt', type: 'date', admin: { readOnly: true } },
        { name: 'paidAt', type: 'date' },
        { name: 'paymentRef', type: 'text', admin: { description: 'The payment or order that settled it.' } },
        // ---- facility commerce ----
        {
          name: 'commerceOrder',
          type: 'text',
          index: true,
          admin: {
            readOnly: true,
            description: 'The commerce order the fee is paid through (its `order.paid` marks this paid).',
          },
        },
      ],
    },
    {
      isolationFixture: async ({ tenant, member, payload }) => {
        const { reservation } = await gridReservation(payload, tenant, member)
        return { reservation, member, total: { amount: 0, currency: 'USD' }, status: 'pending' }
      },
    },
  )
