import type { CollectionConfig } from 'payload'
import { DESK_ROLES, nobody, or, self, tenantRole, tenantScoped } from '@/core'
import { buyOnlineEndpoint } from '../../endpoints/buyOnlineEndpoint'
import { cancelOrderEndpoint } from '../../endpoints/cancelOrderEndpoint'
import { checkoutEndpoint } from '../../endpoints/checkoutEndpoint'
import { orderCheckoutEndpoint } from '../../endpoints/orderCheckoutEndpoint'
import { payOrderEndpoint } from '../../endpoints/payOrderEndpoint'
import { quoteEndpoint } from '../../endpoints/quoteEndpoint'
import { receiptEndpoint } from '../../endpoints/receiptEndpoint'
import { refundOrderEndpoint } from '../../endpoints/refundOrderEndpoint'
import { reserveOrderEndpoint } from '../../endpoints/reserveOrderEndpoint'

const minor = (name: string, extra: Record<string, unknown> = {}) =>
  ({
    name,
    type: 'number',
    required: true,
    defaultValue: 0,
    min: 0,
    admin: { step: 1, description: 'Minor units.' },
    ...extra,
  }) as const

/**
 * Sales. Written only by operations (checkout, reserveOrder, payOrder, cancelOrder, refundOrder); amounts are integer minor units of
 * `currency` and total = subtotal − discountTotal − giftCardApplied + tax is a CHECK in SQL.
 */
export const Orders: CollectionConfig = tenantScoped(
  {
    slug: 'orders',
    admin: {
      useAsTitle: 'number',
      defaultColumns: ['number', 'total', 'status', 'channel', 'purchasedAt'],
      group: 'Commerce',
    },
    access: {
      read: or(tenantRole(DESK_ROLES), self('member.user')),
      create: nobody,
      update: nobody,
      delete: nobody,
    },
    indexes: [
      { fields: ['tenant', 'number'], unique: true },
      { fields: ['tenant', 'purchasedAt'] },
      { fields: ['tenant', 'member'] },
    ],
    endpoints: [
      checkoutEndpoint,
      quoteEndpoint,
      reserveOrderEndpoint,
      buyOnlineEndpoint,
      payOrderEndpoint,
      orderCheckoutEndpoint,
      cancelOrderEndpoint,
      refundOrderEndpoint,
      receiptEndpoint,
    ],
    fields: [
      { name: 'number', type: 'text', required: true },
      { name: 'member', type: 'relationship', relationTo: 'tenant-memberships' },
      {
        name: 'buyer',
        type: 'group',
        fields: [
          { name: 'email', type: 'email' },
          { name: 'name', type: 'text' },
        ],
      },
      { name: 'staff', type: 'relationship', relationTo: 'users' },
      { name: 'channel', type: 'select', required: true, defaultValue: 'pos', options: ['pos', 'online', 'import'] },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'pending',
        options: ['pending', 'paid', 'partially_refunded', 'refunded', 'canceled', 'failed'],
      },
      {
        name: 'lines',
        type: 'array',
        fields: [
          {
            name: 'kind',
            type: 'select',
            required: true,
            options: [
              'product',
              'content',
              'course',
              'credit_pack',
              'day_pass',
              'gift_card',
              'event',
              'appointment',
              'fee',
            ],
          },
          { name: 'product', type: 'relationship', relationTo: 'products' },
          { name: 'name', type: 'text' },
          { name: 'ref', type: 'text' },
          { name: 'quantity', type: 'number', required: true, min: 1 },
          minor('unitPrice'),
          minor('discount'),
          minor('total'),
        ],
      },
      { name: 'currency', type: 'text', required: true, minLength: 3, maxLength: 3, defaultValue: 'USD' },
      minor('subtotal'),
      minor('discountTotal'),
      minor('giftCardApplied'),
      minor('tax'),
      minor('taxIncluded', {
        admin: { description: 'Minor units of tax contained in inclusive prices (not added to the total).' },
      }),
      minor('total'),
      minor('amountRefunded', { admin: { description: 'Minor units refunded to the buyer.' } }),
      { name: 'coupon', type: 'relationship', relationTo: 'coupons' },
      { name: 'giftCard', type: 'relationship', relationTo: 'gift-cards' },
      { name: 'payment', type: 'relationship', relationTo: 'payments' },
      { name: 'stripePaymentIntentId', type: 'text' },
      { name: 'purchasedAt', type: 'date' },
      { name: 'refundedAt', type: 'date' },
      { name: 'refundReason', type: 'text' },
      { name: 'restockedAt', type: 'date', admin: { readOnly: true } },
      {
        name: 'expiresAt',
        type: 'date',
        index: true,
        admin: {
          readOnly: true,
          description:
            'A pending order not paid by then is cancelled (stock, coupon use and gift-card amount given back).',
        },
      },
      { name: 'legacyRef', type: 'text' },
    ],
  },
  {
    isolationFixture: () => ({
      number: `GRID-${Math.random().toString(36).slice(2, 10)}`,
      currency: 'USD',
      subtotal: 0,
      discountTotal: 0,
      giftCardApplied: 0,
      tax: 0,
      total: 0,
      amountRefunded: 0,
      status: 'paid',
    }),
  },
)
