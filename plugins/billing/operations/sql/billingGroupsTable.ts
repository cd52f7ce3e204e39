import { defineSqlTable } from '@/core'

/** `billing-groups`: a payer and the dependents whose bookings the payer's plan covers. */
export const billingGroupsTable = defineSqlTable('billing-groups', {
  id: 'id',
  tenant: 'tenant',
  payer: 'payer',
  active: 'active',
})

/** The relationships table of `billing-groups` (its `dependents`). */
export const billingGroupsRelsTable = defineSqlTable('billing-groups._rels', {
  parent: 'parent',
  path: 'path',
  membership: 'tenant-memberships',
})
