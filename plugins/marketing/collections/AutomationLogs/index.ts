import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, STAFF_ROLES, nobody, tenantRole, tenantScoped } from '@/core'

/**
 * One enrolment of a member (or, for the New lead trigger, a lead) into an automation for one
 * trigger occurrence. Written by the enrolment engine only (INSERT … ON CONFLICT DO NOTHING on the
 * unique keys), read by staff. Exactly one of `member` and `lead` is set (a CHECK in the migration).
 */
export const AutomationLogs = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'automation-logs',
      admin: { defaultColumns: ['automation', 'member', 'lead', 'status', 'triggeredAt'], group },
      access: {
        read: tenantRole(STAFF_ROLES),
        create: nobody,
        update: tenantRole(MANAGER_ROLES),
        delete: nobody,
      },
      indexes: [
        { fields: ['automation', 'member', 'channel', 'occurrenceKey'], unique: true },
        // ---- Lead recipients ----
        // A lead's enrolments: unique per (automation, lead, channel, occurrence) like a member's (NULLs never collide).
        { fields: ['automation', 'lead', 'channel', 'occurrenceKey'], unique: true },
        // ---- /Lead recipients ----
        { fields: ['tenant', 'triggeredAt'] },
      ],
      fields: [
        { name: 'automation', type: 'relationship', relationTo: 'automations', required: true },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships' },
        // ---- Lead recipients ----
        {
          name: 'lead',
          type: 'relationship',
          relationTo: 'leads',
          admin: { description: 'The lead enrolled (New lead trigger); set instead of the member.' },
        },
        // ---- /Lead recipients ----
        {
          name: 'channel',
          type: 'select',
          required: true,
          defaultValue: 'sequence',
          options: ['sequence', 'email', 'sms', 'push', 'in_app'],
          admin: { description: '`sequence`: the enrolment into all the steps.' },
        },
        { name: 'occurrenceKey', type: 'text', required: true, defaultValue: '' },
        { name: 'triggeredAt', type: 'date', required: true, defaultValue: () => new Date().toISOString() },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'pending',
          options: ['pending', 'sent', 'failed', 'skipped'],
        },
        { name: 'retryCount', type: 'number', defaultValue: 0 },
        { name: 'result', type: 'text' },
        { name: 'metadata', type: 'json' },
      ],
    },
    {
      isolationFixture: ({ member }) => ({
        member,
        channel: 'sequence',
        occurrenceKey: `grid-${Math.random().toString(36).slice(2, 10)}`,
      }),
    },
  )
