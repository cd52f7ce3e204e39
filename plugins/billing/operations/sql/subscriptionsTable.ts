import { defineSqlTable } from '@/core'

/** `subscriptions` as the billing plugin's raw SQL reads it. */
export const subscriptionsTable = defineSqlTable(
  'subscriptions',
  {
    id: 'id',
    tenant: 'tenant',
    member: 'member',
    plan: 'plan',
    status: 'status',
    currentPeriodEnd: 'currentPeriodEnd',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)
