import type { CollectionConfig } from 'payload'
import { DESK_ROLES, moneyField, nobody, or, self, tenantRole, tenantScoped } from '@/core'
import { recordManualPaymentEndpoint } from '../../endpoints/recordManualPaymentEndpoint'
import { refundPaymentEndpoint } from '../../endpoints/refundPaymentEndpoint'
import { PAYMENT_PURPOSES } from '../../operations/recordManualPayment'

/**
 * Money received. Rows are written only by operations (recordManualPayment, refundPayment, and
 * later the Stripe sync); amountRefunded = Σ refunds and 0 ≤ amountRefunded ≤ amount are
 * enforced in SQL.
 */
export const Payments: CollectionConfig = tenantScoped(
  {
    slug: 'payments',
    admin: {
      useAsTitle: 'id',
      defaultColumns: ['amount', 'provider', 'status', 'purpose', 'createdAt'],
      group: 'Billing',
    },
    access: {
      read: or(tenantRole(DESK_ROLES), self('member.user')),
      create: nobody,
      update: nobody,
      delete: nobody,
    },
    indexes: [{ fields: ['tenant', 'createdAt'] }, { fields: ['tenant', 'member'] }],
    endpoints: [recordManualPaymentEndpoint, refundPaymentEndpoint],
    fields: [
      { name: 'member', type: 'relationship', relationTo: 'tenant-memberships' },
      { name: 'payerEmail', type: 'email' },
      { name: 'purpose', type: 'select', required: true, defaultValue: 'other', options: [...PAYMENT_PURPOSES] },
      { name: 'refCollection', type: 'text', admin: { description: 'What this is for: a collection slug…' } },
      { name: 'refId', type: 'text', admin: { description: '…and the id of the document in it.' } },
      { name: 'invoice', type: 'text', admin: { description: 'Invoice id (invoices arrive with subscriptions).' } },
      {
        name: 'provider',
        type: 'select',
        required: true,
        options: ['cash', 'terminal', 'manual', 'gift_card', 'stripe', 'legacy'],
      },
      { name: 'method', type: 'text' },
      moneyField({ name: 'amount', required: true }),
      {
        name: 'amountRefunded',
        type: 'number',
        required: true,
        defaultValue: 0,
        min: 0,
        admin: { readOnly: true, description: 'Minor units; always Σ refunds.' },
      },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'succeeded',
        options: [
          'requires_payment',
          'processing',
          'succeeded',
          'failed',
          'canceled',
          'refunded',
          'partially_refunded',
        ],
      },
      { name: 'providerRef', type: 'text' },
      { name: 'failureReason', type: 'text' },
      {
        name: 'platformFee',
        type: 'number',
        min: 0,
        admin: {
          readOnly: true,
          description: 'Minor units kept by the platform on a creator sale (Stripe application fee).',
        },
      },
      {
        name: 'creatorPayout',
        type: 'number',
        min: 0,
        admin: { readOnly: true, description: 'Minor units the creator receives: amount − platformFee.' },
      },
      {
        name: 'refunds',
        type: 'array',
        admin: { readOnly: true },
        fields: [
          { name: 'amount', type: 'number', required: true, min: 1 },
          { name: 'reason', type: 'text' },
          { name: 'providerRefundId', type: 'text' },
          {
            name: 'platformFeeReversed',
            type: 'number',
            min: 0,
            admin: { description: 'Minor units of the platform fee given back with this refund.' },
          },
          { name: 'at', type: 'date', required: true },
        ],
      },
      { name: 'recordedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
      { name: 'providerSnapshot', type: 'json', admin: { readOnly: true } },
    ],
  },
  {
    isolationFixture: () => ({
      provider: 'cash',
      amount: { amount: 1000, currency: 'USD' },
      amountRefunded: 0,
      status: 'succeeded',
    }),
  },
)
