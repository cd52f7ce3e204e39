import { defineSqlTable } from '@/core'

/** `invoices` as the billing plugin's raw SQL uses it. */
export const invoicesTable = defineSqlTable(
  'invoices',
  {
    id: 'id',
    tenant: 'tenant',
    subscription: 'subscription',
    member: 'member',
    status: 'status',
    periodStart: 'periodStart',
    periodEnd: 'periodEnd',
    dueAt: 'dueAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)
