import { defineSqlTable } from '@/core'

/** `orders` as the commerce plugin's raw SQL uses it. */
export const ordersTable = defineSqlTable(
  'orders',
  {
    id: 'id',
    tenant: 'tenant',
    number: 'number',
    member: 'member',
    buyerEmail: 'buyer.email',
    // ---- facility ----
    buyerName: 'buyer.name',
    staff: 'staff',
    status: 'status',
    currency: 'currency',
    subtotal: 'subtotal',
    discountTotal: 'discountTotal',
    giftCardApplied: 'giftCardApplied',
    tax: 'tax',
    total: 'total',
    amountRefunded: 'amountRefunded',
    giftCard: 'giftCard',
    stripePaymentIntentId: 'stripePaymentIntentId',
    purchasedAt: 'purchasedAt',
    refundedAt: 'refundedAt',
    refundReason: 'refundReason',
    restockedAt: 'restockedAt',
    expiresAt: 'expiresAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)

/**
 * `orders.payment`, the link to a payments plugin's record: the field exists only when one is
 * installed (see index.ts), so it is declared apart and checked only then.
 */
export const orderPaymentsTable = defineSqlTable('orders', { id: 'id', payment: 'payment' })

/** The `lines` array of an order. */
export const orderLinesTable = defineSqlTable('orders.lines', {
  parent: '_parent',
  order: '_order',
  kind: 'kind',
  product: 'product',
  name: 'name',
  quantity: 'quantity',
  unitPrice: 'unitPrice',
  discount: 'discount',
  total: 'total',
})
