import type { CollectionConfig } from 'payload'
import { STAFF_ROLES, nobody, or, self, tenantRole, tenantScoped } from '@/core'
import {
  leadUnsubscribeEndpoint,
  leadUnsubscribePageEndpoint,
  unsubscribeEndpoint,
  unsubscribePageEndpoint,
} from '../../endpoints/unsubscribeEndpoint'
import { clickEndpoint, openPixelEndpoint } from '../../endpoints/trackingEndpoints' // Open and click tracking

/** Every message sent, skipped or failed on any channel, with the provider's id and the reason. */
export const MessageLogs = (group: string): CollectionConfig =>
  tenantScoped({
    slug: 'message-logs',
    admin: { useAsTitle: 'subject', defaultColumns: ['recipient', 'channel', 'status', 'subject', 'createdAt'], group },
    access: {
      read: or(tenantRole(STAFF_ROLES), self('member.user')),
      create: nobody,
      update: nobody,
      delete: nobody,
    },
    endpoints: [
      unsubscribeEndpoint,
      unsubscribePageEndpoint,
      openPixelEndpoint,
      clickEndpoint,
      leadUnsubscribeEndpoint, // Lead recipients
      leadUnsubscribePageEndpoint, // Lead recipients
    ],
    indexes: [
      { fields: ['provider', 'providerMessageId'], unique: true },
      { fields: ['member', 'createdAt'] },
      { fields: ['lead', 'createdAt'] }, // Lead recipients
      { fields: ['type', 'status'] },
      // One message per enrolment step (sendMessage claims it with ON CONFLICT).
      { fields: ['automationLog', 'step'], unique: true },
    ],
    fields: [
      { name: 'member', type: 'relationship', relationTo: 'tenant-memberships' },
      // ---- Lead recipients ----
      // A message to a lead (New lead trigger); never both with `member` (a CHECK in the migration).
      { name: 'lead', type: 'relationship', relationTo: 'leads' },
      // ---- /Lead recipients ----
      { name: 'recipient', type: 'text', required: true },
      { name: 'channel', type: 'select', required: true, options: ['email', 'sms', 'push', 'in_app', 'call', 'note'] },
      { name: 'direction', type: 'select', required: true, defaultValue: 'outbound', options: ['outbound', 'inbound'] },
      {
        name: 'type',
        type: 'select',
        required: true,
        defaultValue: 'marketing',
        options: ['marketing', 'transactional'],
      },
      { name: 'subject', type: 'text' },
      { name: 'body', type: 'textarea' },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'pending',
        options: ['pending', 'sent', 'delivered', 'opened', 'bounced', 'failed', 'complained', 'skipped'],
      },
      { name: 'reason', type: 'text', admin: { description: 'Why a message was skipped or failed.' } },
      { name: 'provider', type: 'text' },
      { name: 'providerMessageId', type: 'text' },
      { name: 'errorMessage', type: 'text' },
      { name: 'sentAt', type: 'date' },
      { name: 'deliveredAt', type: 'date' },
      // ---- Open and click tracking ----
      { name: 'openedAt', type: 'date', admin: { readOnly: true, description: 'First open (tracking pixel).' } },
      { name: 'clickedAt', type: 'date', admin: { readOnly: true, description: 'First tracked link click.' } },
      // ---- /Open and click tracking ----
      {
        name: 'events',
        type: 'array',
        fields: [
          { name: 'type', type: 'text', required: true },
          { name: 'occurredAt', type: 'date', required: true },
          { name: 'providerEventId', type: 'text' },
        ],
      },
      { name: 'hubspotEngagementId', type: 'text' },
      { name: 'automationLog', type: 'relationship', relationTo: 'automation-logs' },
      { name: 'step', type: 'number', admin: { description: 'The automation step (0-based) this message is.' } },
    ],
  })
