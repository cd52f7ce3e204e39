import type { CollectionConfig } from 'payload'
import { documentAction, MANAGER_ROLES, nobody, tenantRole, tenantScoped } from '@/core'
import { WEBHOOK_ENDPOINTS } from '../WebhookEndpoints'

export const WEBHOOK_DELIVERIES = 'webhook-deliveries'

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dead'] as const

/**
 * One event for one endpoint (one row per endpoint and event id, written by the fan-out). The
 * delivery job sends an endpoint's deliveries in event order, retrying with backoff; managers read
 * the log and replay a delivery (`POST /api/webhook-deliveries/:id/replay`).
 */
export const WebhookDeliveries = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: WEBHOOK_DELIVERIES,
      admin: {
        useAsTitle: 'eventType',
        defaultColumns: ['eventType', 'endpoint', 'status', 'attempts', 'lastStatusCode', 'occurredAt'],
        group,
        components: {
          edit: {
            beforeDocumentControls: [
              documentAction({
                action: `${WEBHOOK_DELIVERIES}/{id}/replay`,
                label: 'Replay delivery',
                busyLabel: 'Replaying…',
                doneMessage: 'Queued: the delivery will be sent again shortly.',
              }),
            ],
          },
        },
      },
      access: { read: tenantRole(MANAGER_ROLES), create: nobody, update: nobody, delete: nobody },
      indexes: [
        { fields: ['endpoint', 'eventId'], unique: true },
        { fields: ['endpoint', 'status', 'occurredAt'] },
        { fields: ['tenant', 'eventType', 'createdAt'] },
      ],
      fields: [
        { name: 'endpoint', type: 'relationship', relationTo: WEBHOOK_ENDPOINTS, required: true },
        { name: 'eventId', type: 'text', required: true },
        { name: 'eventType', type: 'text', required: true },
        { name: 'occurredAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'payload', type: 'json', required: true },
        { name: 'status', type: 'select', required: true, defaultValue: 'pending', options: [...DELIVERY_STATUSES] },
        { name: 'attempts', type: 'number', defaultValue: 0 },
        { name: 'nextAttemptAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'lastStatusCode', type: 'number' },
        { name: 'lastError', type: 'textarea' },
        { name: 'deliveredAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      isolationFixture: async ({ payload, tenant }) => {
        const endpoint = await payload.create({
          collection: WEBHOOK_ENDPOINTS,
          data: { tenant, url: 'https://hooks.example.test/grid' },
        })
        return {
          endpoint: endpoint.id,
          eventId: `grid-${endpoint.id}`,
          eventType: 'member.created',
          occurredAt: new Date().toISOString(),
          payload: { grid: true },
        }
      },
    },
  )
