import type { CollectionConfig } from 'payload'
import { DESK_ROLES, moneyField, nobody, or, self, tenantRole, tenantScoped } from '@/core'
import { INVOICE_STATUSES } from '../../types'
import { payInvoiceEndpoint } from '../../endpoints/payInvoiceEndpoint'

/**
 * What a member owes for a period. Manual subscriptions get one per period (paid at the start,
 * or opened by the renewal job for the desk); Stripe invoices are mirrored. Written only by
 * operations; `number` is unique per tenant, `stripeInvoiceId` unique when set (SQL).
 */
export const Invoices: CollectionConfig = tenantScoped(
  {
    slug: 'invoices',
    admin: {
      useAsTitle: 'number',
      defaultColumns: ['number', 'member', 'amount', 'status', 'dueAt'],
      group: 'Billing',
    },
    access: { read: or(tenantRole(DESK_ROLES), self('member.user')), create: nobody, update: nobody, delete: nobody },
    indexes: [
      { fields: ['tenant', 'number'], unique: true },
      { fields: ['tenant', 'status', 'dueAt'] },
      { fields: ['subscription'] },
    ],
    endpoints: [payInvoiceEndpoint],
    fields: [
      { name: 'subscription', type: 'relationship', relationTo: 'subscriptions' },
      { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
      { name: 'number', type: 'text', required: true },
      moneyField({ name: 'amount', required: true }),
      { name: 'status', type: 'select', required: true, defaultValue: 'draft', options: [...INVOICE_STATUSES] },
      { name: 'periodStart', type: 'date' },
      { name: 'periodEnd', type: 'date' },
      { name: 'dueAt', type: 'date' },
      { name: 'paidAt', type: 'date' },
      { name: 'payment', type: 'relationship', relationTo: 'payments' },
      { name: 'stripeInvoiceId', type: 'text' },
      {
        name: 'lines',
        type: 'array',
        fields: [
          { name: 'description', type: 'text', required: true },
          { name: 'quantity', type: 'number', required: true, defaultValue: 1, min: 1 },
          { name: 'unitAmount', type: 'number', required: true, min: 0 },
          { name: 'amount', type: 'number', required: true, min: 0 },
        ],
      },
      { name: 'providerSnapshot', type: 'json', admin: { readOnly: true } },
    ],
  },
  {
    isolationFixture: () => ({
      number: `GRID-${Math.random().toString(36).slice(2, 10)}`,
      amount: { amount: 1000, currency: 'USD' },
      status: 'open',
    }),
  },
)
