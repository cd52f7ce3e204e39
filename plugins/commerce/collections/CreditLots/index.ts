import type { CollectionConfig } from 'payload'
import { DESK_ROLES, moneyField, nobody, or, self, tenantRole, tenantScoped } from '@/core'
import { CREDIT_TYPES } from '../Products'

/**
 * Credits a member holds, in lots with their own expiry. remainingCredits changes only by
 * conditional UPDATEs (0 ≤ remaining ≤ initial is a CHECK in SQL).
 */
export const CreditLots: CollectionConfig = tenantScoped(
  {
    slug: 'credit-lots',
    admin: {
      defaultColumns: ['member', 'creditType', 'remainingCredits', 'initialCredits', 'expiresAt'],
      group: 'Commerce',
    },
    access: { read: or(tenantRole(DESK_ROLES), self('member.user')), create: nobody, update: nobody, delete: nobody },
    indexes: [{ fields: ['tenant', 'member', 'creditType', 'expiresAt'] }],
    fields: [
      { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
      { name: 'creditType', type: 'select', required: true, defaultValue: 'class', options: [...CREDIT_TYPES] },
      {
        name: 'source',
        type: 'select',
        required: true,
        defaultValue: 'pack_purchase',
        options: ['pack_purchase', 'subscription_grant', 'guest_pass_reset', 'adjustment', 'refund', 'import'],
      },
      { name: 'product', type: 'relationship', relationTo: 'products' },
      { name: 'order', type: 'relationship', relationTo: 'orders' },
      { name: 'subscription', type: 'text' },
      { name: 'initialCredits', type: 'number', required: true, min: 0 },
      { name: 'remainingCredits', type: 'number', required: true, min: 0 },
      moneyField({ name: 'pricePaid' }),
      { name: 'expiresAt', type: 'date' },
      {
        name: 'expiredAt',
        type: 'date',
        admin: { readOnly: true, description: 'When the expiry job wrote the rest off.' },
      },
      { name: 'periodKey', type: 'text' },
    ],
  },
  { isolationFixture: () => ({ initialCredits: 1, remainingCredits: 1 }) },
)
