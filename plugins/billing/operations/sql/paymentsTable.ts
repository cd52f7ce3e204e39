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
    refCollection: 'refCollection',
    refId: 'refId',
    invoice: 'invoice',
    provider: 'provider',
    amount: 'amount.amount',
    currency: 'amount.currency',
    amountRefunded: 'amountRefunded',
    status: 'status',
    providerRef: 'providerRef',
    failureReason: 'failureReason',
    platformFee: 'platformFee',
    creatorPayout: 'creatorPayout',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['status', 'purpose'] },
)

/** The `refunds` array of a payment (one row per refund, with the provider's refund id). */
export const paymentRefundsTable = defineSqlTable('payments.refunds', {
  id: 'id',
  parent: '_parent',
  order: '_order',
  amount: 'amount',
  reason: 'reason',
  providerRefundId: 'providerRefundId',
  platformFeeReversed: 'platformFeeReversed',
  at: 'at',
})
