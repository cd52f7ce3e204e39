import { defineSqlTable } from '@/core'

/** The endpoints' columns the fan-out and the delivery job read and update. */
export const webhookEndpointsTable = defineSqlTable('webhook-endpoints', {
  id: 'id',
  tenant: 'tenant',
  url: 'url',
  eventTypes: 'eventTypes',
  isEnabled: 'isEnabled',
  source: 'source',
  consecutiveFailures: 'consecutiveFailures',
  disabledAt: 'disabledAt',
  previousSecretExpiresAt: 'previousSecretExpiresAt',
})

/** The deliveries' columns (inserted by the fan-out, claimed and updated by the delivery job). */
export const webhookDeliveriesTable = defineSqlTable(
  'webhook-deliveries',
  {
    id: 'id',
    tenant: 'tenant',
    endpoint: 'endpoint',
    eventId: 'eventId',
    eventType: 'eventType',
    occurredAt: 'occurredAt',
    payload: 'payload',
    status: 'status',
    attempts: 'attempts',
    nextAttemptAt: 'nextAttemptAt',
    lastStatusCode: 'lastStatusCode',
    lastError: 'lastError',
    deliveredAt: 'deliveredAt',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)

export const webhookSqlTables = [webhookEndpointsTable, webhookDeliveriesTable]
