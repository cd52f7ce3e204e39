import { defineSqlTable } from '@/core'

/** `gift-cards` as the commerce plugin's raw SQL uses it. */
export const giftCardsTable = defineSqlTable(
  'gift-cards',
  {
    id: 'id',
    tenant: 'tenant',
    code: 'code',
    currentBalance: 'currentBalance',
    currency: 'currency',
    status: 'status',
    expiresAt: 'expiresAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)

/** `gift-card-transactions`: the redeem and refund rows of a card. */
export const giftCardTransactionsTable = defineSqlTable('gift-card-transactions', {
  giftCard: 'giftCard',
  order: 'order',
  type: 'type',
  amount: 'amount',
})
