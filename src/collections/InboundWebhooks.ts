import type { CollectionConfig } from 'payload'
import { nobody, platformStaff } from '@/core/access/builders'

/**
 * Every verified inbound webhook, recorded once per provider event (unique source + dedupKey)
 * by `recordInboundWebhook`, then processed by a retried job.
 */
export const InboundWebhooks: CollectionConfig = {
  slug: 'inbound-webhooks',
  custom: { platformScoped: true },
  admin: {
    useAsTitle: 'eventType',
    defaultColumns: ['source', 'eventType', 'status', 'receivedAt'],
    group: 'Platform',
  },
  access: { read: platformStaff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['source', 'dedupKey'], unique: true }],
  fields: [
    { name: 'tenant', type: 'relationship', relationTo: 'tenants', index: true },
    {
      name: 'source',
      type: 'select',
      required: true,
      options: ['stripe', 'trackman', 'hubspot', 'email', 'cloudflare_stream', 'eventbrite', 'test', 'sms'],
    },
    { name: 'eventId', type: 'text', required: true },
    { name: 'dedupKey', type: 'text', required: true },
    { name: 'eventType', type: 'text' },
    { name: 'payload', type: 'json' },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'received',
      options: ['received', 'processed', 'failed', 'ignored'],
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'receivedAt', type: 'date' },
    { name: 'processedAt', type: 'date' },
    { name: 'error', type: 'textarea' },
  ],
}
