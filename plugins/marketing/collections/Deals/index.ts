import type { CollectionConfig } from 'payload'
import { moneyField, tenantScoped } from '@/core'
import { crmRead, crmWrite, managerWrite } from '../../operations/crm/crmAccess'
import { dealParty } from './hooks/dealParty'

export const DEAL_STAGES = ['appointment_scheduled', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const

/**
 * A sale in the pipeline, for a member or a lead, with a value and line items. `hubspotDealId` is
 * unique per tenant (a partial unique index in the migration): the HubSpot sync matches on it.
 */
export const Deals = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'deals',
      admin: { useAsTitle: 'name', defaultColumns: ['name', 'stage', 'amount', 'closeDate', 'member', 'lead'], group },
      access: { read: crmRead, create: crmWrite, update: crmWrite, delete: managerWrite },
      indexes: [{ fields: ['tenant', 'stage'] }, { fields: ['tenant', 'closeDate'] }],
      hooks: { beforeValidate: [dealParty] },
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships' },
        { name: 'lead', type: 'relationship', relationTo: 'leads' },
        {
          name: 'stage',
          type: 'select',
          required: true,
          defaultValue: 'appointment_scheduled',
          options: DEAL_STAGES.map((value) => ({ label: value.replace('_', ' '), value })),
        },
        moneyField({ name: 'amount', label: 'Amount' }),
        { name: 'closeDate', type: 'date' },
        { name: 'hubspotDealId', type: 'text', admin: { readOnly: true } },
        {
          name: 'lineItems',
          type: 'array',
          fields: [
            { name: 'productName', type: 'text', required: true },
            { name: 'product', type: 'text', admin: { description: 'The catalogue item’s id, if any.' } },
            { name: 'quantity', type: 'number', required: true, min: 1, defaultValue: 1 },
            moneyField({ name: 'amount', label: 'Amount' }),
            { name: 'hubspotLineItemId', type: 'text', admin: { readOnly: true } },
          ],
        },
      ],
    },
    { isolationFixture: ({ member }) => ({ member }) },
  )
