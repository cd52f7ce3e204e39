import type { CollectionConfig } from 'payload'
import { nobody, or, self, STAFF_ROLES, tenantRole, tenantScoped } from '@/core'

/**
 * Metered use of a quota feature: one row per (member, featureKey, periodStart) whose `quantity`
 * moves only by the conditional upsert in `guards.canBook` (never past the plan's quota) and the
 * release on an in-window cancel. `targets` lists what was booked ("classes:<id>").
 */
export const UsageRecords: CollectionConfig = tenantScoped(
  {
    slug: 'usage-records',
    admin: { defaultColumns: ['member', 'featureKey', 'periodStart', 'quantity'], group: 'Billing' },
    access: { read: or(tenantRole(STAFF_ROLES), self('member.user')), create: nobody, update: nobody, delete: nobody },
    indexes: [{ fields: ['member', 'featureKey', 'periodStart'], unique: true }],
    fields: [
      { name: 'subscription', type: 'relationship', relationTo: 'subscriptions' },
      { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
      { name: 'featureKey', type: 'text', required: true },
      { name: 'periodStart', type: 'date', required: true },
      { name: 'periodEnd', type: 'date' },
      { name: 'quantity', type: 'number', required: true, defaultValue: 0, min: 0 },
      { name: 'targets', type: 'json', admin: { readOnly: true } },
    ],
  },
  {
    isolationFixture: () => ({
      featureKey: `grid-${Math.random().toString(36).slice(2, 8)}`,
      periodStart: new Date().toISOString(),
      quantity: 0,
      targets: [],
    }),
  },
)
