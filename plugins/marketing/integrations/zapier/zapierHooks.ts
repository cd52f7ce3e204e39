import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { eventSchemasOf, hasRoleIn, MANAGER_ROLES, OperationError, runSql, type EventSchemas } from '@/core'
import { zapierSubscribeInput, type ZapierSubscribeReply } from '../../contract'
import { WEBHOOK_ENDPOINTS } from '../../collections/WebhookEndpoints'
import { webhookDeliveriesTable } from '../../operations/sql/webhookSqlTables'
import { CURRENT_SECRET, storeEndpointSecret } from '../../operations/webhooks/endpointSecrets'
import { newSigningSecret } from '../../operations/webhooks/signingSecret'
import { webhookPayloadOf } from '../../operations/webhooks/webhookPayloadOf'
import { webhookUrlProblem } from '../../operations/webhooks/webhookUrlProblem'
import { sampleFromSchema } from './sampleFromSchema'
import { zapierTenantOf } from './zapierTenantOf'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const assertKnownEvent = (req: PayloadRequest, event: string) => {
  const schemas = eventSchemasOf(req.payload.config.custom)
  if (!(event in schemas)) throw new OperationError(400, 'unknown_event', `Unknown event type "${event}".`)
  return schemas
}

/** Zapier REST hook subscribe: a webhook endpoint (source zapier) for one event type of the key's tenant. */
export const subscribeZapierHook = async (req: PayloadRequest, body: unknown): Promise<ZapierSubscribeReply> => {
  const tenant = zapierTenantOf(req)
  const input = zapierSubscribeInput.parse(body)
  assertKnownEvent(req, input.event)
  // API keys may not write the tenant field through Payload (the multi-tenant plugin keeps it to
  // people), so the key's own tenant and roles are checked here and the row is written directly.
  if (!hasRoleIn(req.user, tenant, MANAGER_ROLES))
    throw new OperationError(403, 'forbidden', 'Subscribing needs an API key with the manager role.')
  const problem = webhookUrlProblem(input.hookUrl)
  if (problem) throw new OperationError(400, 'invalid_url', problem)
  const endpoint = await req.payload.db.create({
    collection: WEBHOOK_ENDPOINTS,
    data: {
      tenant,
      url: input.hookUrl,
      eventTypes: [input.event],
      isEnabled: true,
      source: 'zapier',
      consecutiveFailures: 0,
      description: 'Zapier',
      signingSecretSetAt: new Date().toISOString(),
    },
    req,
  })
  await storeEndpointSecret(req, String(endpoint.id), CURRENT_SECRET, newSigningSecret())
  return { id: String(endpoint.id), event: input.event, hookUrl: input.hookUrl }
}

/** Zapier REST hook unsubscribe: removes the key tenant's Zapier endpoint `id` (404 when it has none such). */
export const unsubscribeZapierHook = async (
  req: PayloadRequest,
  id: string,
): Promise<{ id: string; deleted: true }> => {
  const tenant = zapierTenantOf(req)
  if (!UUID.test(id)) throw new OperationError(404, 'not_found', 'No such Zapier subscription.')
  const { docs } = await req.payload.delete({
    collection: WEBHOOK_ENDPOINTS,
    where: { and: [{ id: { equals: id } }, { tenant: { equals: tenant } }, { source: { equals: 'zapier' } }] },
    req,
    overrideAccess: false,
  })
  if (docs.length === 0) throw new OperationError(404, 'not_found', 'No such Zapier subscription.')
  return { id, deleted: true }
}

/** Zapier's sample list for an event type: the tenant's latest real payloads, or one built from the event's schema. */
export const zapierSamples = async (req: PayloadRequest, event: string): Promise<unknown[]> => {
  const tenant = zapierTenantOf(req)
  const schemas: EventSchemas = assertKnownEvent(req, event)
  const d = webhookDeliveriesTable(req)
  const rows = await runSql<{ payload: unknown }>(
    req,
    sql`SELECT latest.payload FROM (
          SELECT DISTINCT ON (${d.eventId}) ${d.payload} AS payload, ${d.occurredAt} AS at
          FROM ${d} WHERE ${d.tenant} = ${tenant} AND ${d.eventType} = ${event}
          ORDER BY ${d.eventId}, ${d.occurredAt} DESC
        ) latest ORDER BY latest.at DESC LIMIT 3`,
  )
  const latest = rows.map((r) => r.payload)
  if (latest.length > 0) return latest
  const schema = schemas[event as keyof EventSchemas]
  return [
    webhookPayloadOf({
      id: '00000000-0000-4000-8000-000000000000',
      type: event,
      version: 1,
      tenant,
      occurredAt: new Date(0).toISOString(),
      actor: null,
      subject: null,
      data: schema ? sampleFromSchema(schema) : {},
    }),
  ]
}
