import { defineSqlTable } from '@/core'

/** `invoices` as the billing plugin's raw SQL uses it. */
export const invoicesTable = defineSqlTable(
  'invoices',
  {
    id: 'id',
    tenant: 'tenant',
    subscription: 'subscription',
    member: 'member',
    number: 'number',
    amount: 'amount.amount',
    currency: 'amount.currency',
    status: 'status',
    periodStart: 'periodStart',
    periodEnd: 'periodEnd',
    dueAt: 'dueAt',
    paidAt: 'paidAt',
    payment: 'payment',
    stripeInvoiceId: 'stripeInvoiceId',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)
