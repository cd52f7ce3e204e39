import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, STAFF_ROLES, nobody, tenantRole, tenantScoped } from '@/core'

/**
 * One enrolment of a member into an automation for one trigger occurrence. Written by the
 * enrolment engine only (INSERT … ON CONFLICT DO NOTHING on the unique key), read by staff.
 */
export const AutomationLogs = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'automation-logs',
      admin: { defaultColumns: ['automation', 'member', 'status', 'triggeredAt'], group },
      access: {
        read: tenantRole(STAFF_ROLES),
        create: nobody,
        update: tenantRole(MANAGER_ROLES),
        delete: nobody,
      },
      indexes: [
        { fields: ['automation', 'member', 'channel', 'occurrenceKey'], unique: true },
        { fields: ['tenant', 'triggeredAt'] },
      ],
      fields: [
        { name: 'automation', type: 'relationship', relationTo: 'automations', required: true },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
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
