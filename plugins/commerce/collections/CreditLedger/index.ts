import type { CollectionConfig } from 'payload'
import { DESK_ROLES, nobody, or, self, tenantRole, tenantScoped } from '@/core'
import { CREDIT_TYPES } from '../Products'

/** Append-only credit movements; Σ amount per member and type equals Σ remainingCredits of the lots. */
export const CreditLedger: CollectionConfig = tenantScoped(
  {
    slug: 'credit-ledger',
    admin: { defaultColumns: ['member', 'type', 'amount', 'balanceAfter', 'createdAt'], group: 'Commerce' },
    access: { read: or(tenantRole(DESK_ROLES), self('member.user')), create: nobody, update: nobody, delete: nobody },
    indexes: [{ fields: ['tenant', 'member', 'createdAt'] }],
    fields: [
      { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
      { name: 'lot', type: 'relationship', relationTo: 'credit-lots', required: true },
      { name: 'creditType', type: 'select', required: true, defaultValue: 'class', options: [...CREDIT_TYPES] },
      {
        name: 'type',
        type: 'select',
        required: true,
        options: ['earned_subscription', 'earned_purchase', 'spent_booking', 'refund', 'expired', 'adjustment'],
      },
      { name: 'amount', type: 'number', required: true },
      { name: 'balanceAfter', type: 'number', required: true, min: 0 },
      { name: 'refCollection', type: 'text', admin: { description: 'What this is for: a collection slug…' } },
      { name: 'refId', type: 'text', admin: { description: '…and the id of the document in it.' } },
      { name: 'description', type: 'text' },
      { name: 'createdBy', type: 'relationship', relationTo: 'users' },
    ],
  },
  { isolationFixture: () => ({ type: 'adjustment', amount: 0, balanceAfter: 0 }) },
)
