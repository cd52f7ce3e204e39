import { defineSqlTable } from '@/core'

/** `payments` as the billing plugin's raw SQL reads it. */
export const paymentsTable = defineSqlTable(
  'payments',
  {
    id: 'id',
    tenant: 'tenant',
    member: 'member',
    payerEmail: 'payerEmail',
    purpose: 'purpose',
    amount: 'amount.amount',
    currency: 'amount.currency',
    amountRefunded: 'amountRefunded',
    status: 'status',
    failureReason: 'failureReason',
    createdAt: 'createdAt',
  },
  { enums: ['status', 'purpose'] },
)
