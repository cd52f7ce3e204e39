import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, type DomainEvent } from '@/core'
import { webhookDeliveriesTable, webhookEndpointsTable } from '../sql/webhookSqlTables'
import { webhookPayloadOf } from './webhookPayloadOf'

/** The plugin's own webhook events are not sent out as webhooks (a failing endpoint would feed itself). */
export const isWebhookInternalEvent = (type: string) => type.startsWith('webhook.')

/**
 * One pending delivery per enabled endpoint of the event's tenant subscribed to its type, in one
 * statement; a conflict on (endpoint, eventId) skips it, so handling the same event again adds
 * nothing. Returns the endpoints that got a new delivery.
 */
export const fanOutEvent = async (req: PayloadRequest, event: DomainEvent<unknown>): Promise<string[]> => {
  if (!event.tenant || isWebhookInternalEvent(event.type)) return []
  const e = webhookEndpointsTable(req)
  const d = webhookDeliveriesTable(req)
  const body = JSON.stringify(webhookPayloadOf(event))
  const rows = await runSql<{ endpoint: string }>(
    req,
    sql`INSERT INTO ${d} (${d.tenant}, ${d.endpoint}, ${d.eventId}, ${d.eventType}, ${d.occurredAt}, ${d.payload}, ${d.status}, ${d.attempts}, ${d.nextAttemptAt})
        SELECT ${e.tenant}, ${e.id}, ${event.id}, ${event.type}, ${event.occurredAt}, ${body}::jsonb, 'pending'::${d.$enum.status}, 0, now()
        FROM ${e}
        WHERE ${e.tenant} = ${event.tenant} AND ${e.isEnabled}
          AND (jsonb_typeof(${e.eventTypes}) IS DISTINCT FROM 'array' OR jsonb_array_length(${e.eventTypes}) = 0
               OR ${e.eventTypes} ? ${event.type} OR ${e.eventTypes} ? '*')
        ON CONFLICT (${sql.raw(`"${d.$column.endpoint}"`)}, ${sql.raw(`"${d.$column.eventId}"`)}) DO NOTHING
        RETURNING ${d.endpoint} AS endpoint`,
  )
  return [...new Set(rows.map((r) => String(r.endpoint)))]
}
