import type { CollectionConfig, Payload } from 'payload'
import { DESK_ROLES, or, self, tenantRole, tenantScoped } from '@/core'
import { validateGroup } from './hooks/validateGroup'

/**
 * Family or corporate billing: one payer whose subscription also entitles the dependents
 * (`guards.canBook` looks through the group), for as long as the payer's subscription does.
 */
export const BillingGroups: CollectionConfig = tenantScoped(
  {
    slug: 'billing-groups',
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'payer', 'active'], group: 'Billing' },
    access: {
      read: or(tenantRole(DESK_ROLES), self('payer.user')),
      create: tenantRole(DESK_ROLES),
      update: tenantRole(DESK_ROLES),
      delete: tenantRole(DESK_ROLES),
    },
    indexes: [{ fields: ['tenant', 'payer'], unique: true }],
    hooks: { beforeChange: [validateGroup] },
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'type', type: 'select', required: true, defaultValue: 'family', options: ['family', 'corporate'] },
      { name: 'payer', type: 'relationship', relationTo: 'tenant-memberships', required: true },
      { name: 'dependents', type: 'relationship', relationTo: 'tenant-memberships', hasMany: true },
      { name: 'active', type: 'checkbox', defaultValue: true },
    ],
  },
  { isolationFixture: ({ tenant, payload }) => groupFixture(payload, tenant) },
)

/** A group with a payer of its own (one group per payer), for the isolation grid. */
const groupFixture = async (payload: Payload, tenant: string) => {
  const tag = Math.random().toString(36).slice(2, 10)
  const user = await payload.create({
    collection: 'users',
    data: { email: `grid-payer-${tag}@example.test`, password: `grid-${tag}-password`, name: 'Grid payer' },
  })
  const payer = await payload.create({
    collection: 'tenant-memberships',
    data: { tenant, user: user.id, roles: ['member'], status: 'active' },
  })
  return { name: `Grid ${tag}`, type: 'family', payer: payer.id, active: true }
}
