import { defineSqlTable } from '@/core'

/** `usage-records`: per-period quota use, one row per (member, feature, period). */
export const usageRecordsTable = defineSqlTable('usage-records', {
  id: 'id',
  tenant: 'tenant',
  subscription: 'subscription',
  member: 'member',
  featureKey: 'featureKey',
  periodStart: 'periodStart',
  periodEnd: 'periodEnd',
  quantity: 'quantity',
  targets: 'targets',
  updatedAt: 'updatedAt',
})
