import type { CollectionConfig } from 'payload'
import { tenantScoped } from '@/core'
import { LEAD_STATUSES } from '../../contract'
import { crmRead, crmWrite, managerWrite } from '../../operations/crm/crmAccess'
import { normaliseLeadEmail } from './hooks/normaliseLeadEmail'
import { announceLeadCreated } from './hooks/announceLeadCreated'

export const LEAD_SOURCES = [
  'website_form',
  'tour',
  'guest_booking',
  'event_rsvp',
  'facility_guest',
  'walk_in',
  'referral',
  'import',
  'staff',
  'other',
] as const

/**
 * A prospect in the tenant's pipeline: one per e-mail per tenant, case-insensitive (a unique index
 * on `(tenant, lower(email))` in the migration). Captures upsert by e-mail (`upsertLead`); a
 * person joining with the lead's e-mail converts it (`convertLeadsOfMember`).
 */
export const Leads = (group: string): CollectionConfig =>
  tenantScoped({
    slug: 'leads',
    admin: {
      useAsTitle: 'email',
      defaultColumns: ['email', 'name', 'status', 'source', 'owner', 'lastContactedAt'],
      group,
      listSearchableFields: ['email', 'name', 'phone'],
    },
    access: { read: crmRead, create: crmWrite, update: crmWrite, delete: managerWrite },
    indexes: [{ fields: ['tenant', 'status'] }, { fields: ['tenant', 'createdAt'] }],
    hooks: { beforeChange: [normaliseLeadEmail], afterChange: [announceLeadCreated] },
    fields: [
      { name: 'email', type: 'email', required: true },
      { name: 'name', type: 'text' },
      { name: 'phone', type: 'text' },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'new',
        options: LEAD_STATUSES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
      },
      {
        name: 'source',
        type: 'select',
        required: true,
        defaultValue: 'staff',
        options: LEAD_SOURCES.map((value) => ({ label: value.replace('_', ' '), value })),
      },
      {
        name: 'owner',
        type: 'relationship',
        relationTo: 'tenant-memberships',
        admin: { description: 'The staff member working this lead.' },
        filterOptions: () => ({ roles: { not_in: ['member'] } }),
      },
      {
        name: 'convertedMember',
        type: 'relationship',
        relationTo: 'tenant-memberships',
        admin: { description: 'Set when a person with this e-mail joined.' },
      },
      { name: 'convertedAt', type: 'date', admin: { readOnly: true } },
      { name: 'tags', type: 'text', hasMany: true },
      { name: 'lastContactedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      {
        name: 'value',
        type: 'number',
        min: 0,
        admin: { step: 1, description: 'Expected value in minor units (cents) of the tenant’s currency.' },
      },
      { name: 'notes', type: 'textarea' },
      // ---- Lead recipients ----
      {
        name: 'marketingConsentAt',
        type: 'date',
        admin: {
          date: { pickerAppearance: 'dayAndTime' },
          description:
            'When the lead agreed to marketing e-mail (a form’s consent box sets it). Without it, or after an unsubscribe, New lead automations send them transactional mail only.',
        },
      },
      {
        name: 'unsubscribedAt',
        type: 'date',
        admin: {
          readOnly: true,
          description:
            'Set by the unsubscribe link of a lead e-mail; a later consent (a new form with the box ticked) counts again.',
        },
      },
      // ---- /Lead recipients ----
      // mkt_rest: GDPR erasure — set once by the anonymise operation; nobody writes it through the API.
      {
        name: 'anonymisedAt',
        type: 'date',
        access: { create: () => false, update: () => false },
        admin: { readOnly: true, description: 'When this lead’s personal data was erased (anonymised).' },
      },
      // end mkt_rest
      {
        name: 'formSubmission',
        type: 'text',
        admin: { readOnly: true, description: 'The form submission that first captured this lead.' },
      },
    ],
  })
