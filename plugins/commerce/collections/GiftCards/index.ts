import type { CollectionConfig } from 'payload'
import { DESK_ROLES, nobody, or, self, tenantRole, tenantScoped } from '@/core'
import { giftCardBalanceEndpoint } from '../../endpoints/giftCardBalanceEndpoint'

/**
 * Stored value. currentBalance (minor units of `currency`) changes only by a conditional UPDATE
 * that also writes a gift-card-transactions row; the balance always equals Σ transactions.
 */
export const GiftCards: CollectionConfig = tenantScoped(
  {
    slug: 'gift-cards',
    admin: { useAsTitle: 'code', defaultColumns: ['code', 'currentBalance', 'currency', 'status'], group: 'Commerce' },
    access: {
      read: or(tenantRole(DESK_ROLES), self('recipient.user')),
      create: nobody,
      update: nobody,
      delete: nobody,
    },
    indexes: [{ fields: ['tenant', 'code'], unique: true }],
    endpoints: [giftCardBalanceEndpoint],
    fields: [
      { name: 'code', type: 'text', required: true },
      { name: 'initialBalance', type: 'number', required: true, defaultValue: 0, min: 0 },
      { name: 'currentBalance', type: 'number', required: true, defaultValue: 0, min: 0 },
      { name: 'currency', type: 'text', required: true, minLength: 3, maxLength: 3, defaultValue: 'USD' },
      { name: 'buyer', type: 'relationship', relationTo: 'tenant-memberships' },
      { name: 'recipient', type: 'relationship', relationTo: 'tenant-memberships' },
      { name: 'recipientEmail', type: 'email' },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'active',
        options: ['active', 'depleted', 'void', 'expired'],
      },
      { name: 'expiresAt', type: 'date' },
      { name: 'order', type: 'relationship', relationTo: 'orders', admin: { description: 'The sale that issued it.' } },
    ],
  },
  {
    isolationFixture: () => ({
      code: `GRID${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
      initialBalance: 0,
      currentBalance: 0,
      currency: 'USD',
      status: 'active',
    }),
  },
)
