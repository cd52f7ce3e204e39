import type { CollectionConfig } from 'payload'
import { DESK_ROLES, nobody, tenantRole, tenantScoped } from '@/core'

/** Append-only movements of a gift card's balance (+issue/refund, −redeem/void). */
export const GiftCardTransactions: CollectionConfig = tenantScoped(
  {
    slug: 'gift-card-transactions',
    admin: { defaultColumns: ['giftCard', 'type', 'amount', 'balanceAfter', 'createdAt'], group: 'Commerce' },
    access: { read: tenantRole(DESK_ROLES), create: nobody, update: nobody, delete: nobody },
    indexes: [{ fields: ['tenant', 'giftCard'] }],
    fields: [
      { name: 'giftCard', type: 'relationship', relationTo: 'gift-cards', required: true },
      { name: 'amount', type: 'number', required: true },
      { name: 'type', type: 'select', required: true, options: ['issue', 'redeem', 'refund', 'adjust', 'void'] },
      { name: 'balanceAfter', type: 'number', required: true, min: 0 },
      { name: 'order', type: 'relationship', relationTo: 'orders' },
      { name: 'createdBy', type: 'relationship', relationTo: 'users' },
    ],
  },
  { isolationFixture: () => ({ amount: 0, type: 'adjust', balanceAfter: 0 }) },
)
