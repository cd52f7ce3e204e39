import { defineSqlTable } from '@/core'

/** `fee-snapshots` as the facility plugin's raw SQL uses it. */
export const feeSnapshotsTable = defineSqlTable(
  'fee-snapshots',
  {
    id: 'id',
    tenant: 'tenant',
    reservation: 'reservation',
    member: 'member',
    status: 'status',
    totalAmount: 'total.amount',
    totalCurrency: 'total.currency',
    lines: 'lines',
    policy: 'policy',
    computedAt: 'computedAt',
    paidAt: 'paidAt',
    paymentRef: 'paymentRef',
    commerceOrder: 'commerceOrder',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)
