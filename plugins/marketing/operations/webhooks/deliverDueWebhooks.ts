import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, inTransaction, runSql, SECRETS_COLLECTION } from '@/core'
import { WEBHOOK_ENDPOINTS } from '../../collections/WebhookEndpoints'
import type { WebhookOptions } from '../../types'
import { webhookDeliveriesTable, webhookEndpointsTable } from '../sql/webhookSqlTables'
import { backoffDelay } from './backoffDelay'
import { signingSecretsOf } from './endpointSecrets'
import { postWebhook } from './postWebhook'

export type DeliverOptions = Required<WebhookOptions> & {
  /** The clock for scheduling (tests move it forward); signatures always carry the real time. */
  now?: Date
  /** Only these endpoints (a run queued by the fan-out or a replay). */
  endpoints?: string[]
  /** Endpoints handled per run. Default 100. */
  maxEndpoints?: number
  /** Deliveries sent per endpoint per run. Default 50. */
  perEndpoint?: number
}

export type DeliverSummary = { delivered: number; failed: number; dead: number; disabled: number; removed: number }

type EndpointRow = {
  id: string
  tenant: string
  url: string
  source: string | null
  previousSecretExpiresAt: Date | null
}
type DeliveryRow = {
  id: string
  eventId: string
  eventType: string
  body: string
  attempts: number
  nextAttemptAt: Date | null
}

const uuidArray = (ids: string[]) => `{${ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).join(',')}}`

/**
 * Sends the due webhook deliveries, endpoint by endpoint. Each endpoint is claimed with a row lock
 * (`FOR UPDATE SKIP LOCKED`, so concurrent runs take different endpoints) and its deliveries go
 * out strictly in event order: the oldest undelivered one goes first, and while it waits for its
 * retry nothing newer of that endpoint is sent. A failure schedules a retry with backoff and
 * jitter; after `maxAttempts` the delivery is dead (`webhook.delivery_failed`), after
 * `disableAfterFailures` consecutive failures the endpoint is disabled
 * (`webhook.endpoint_disabled`); a 410 Gone from a Zapier hook removes the subscription.
 */
export const deliverDueWebhooks = async (payload: Payload, options: DeliverOptions): Promise<DeliverSummary> => {
  const now = options.now ?? new Date()
  const summary: DeliverSummary = { delivered: 0, failed: 0, dead: 0, disabled: 0, removed: 0 }
  const seen: string[] = []
  const maxEndpoints = options.maxEndpoints ?? 100
  for (let i = 0; i < maxEndpoints; i++) {
    const req = await createLocalReq({}, payload)
    const claimed = await inTransaction(req, async () => {
      const e = webhookEndpointsTable(req)
      const d = webhookDeliveriesTable(req)
      const only = options.endpoints ? sql`AND ${e.id} = ANY(${uuidArray(options.endpoints)}::uuid[])` : sql``
      const [endpoint] = await runSql<EndpointRow>(
        req,
        sql`SELECT ${e.id} AS id, ${e.tenant} AS tenant, ${e.url} AS url, ${e.source}::text AS source,
                   ${e.previousSecretExpiresAt} AS "previousSecretExpiresAt"
            FROM ${e}
            WHERE ${e.isEnabled} AND NOT (${e.id} = ANY(${uuidArray(seen)}::uuid[])) ${only}
              AND EXISTS (SELECT 1 FROM ${d} WHERE ${d.endpoint} = ${e}.${e.id}
                          AND ${d.status} IN ('pending', 'failed') AND ${d.nextAttemptAt} <= ${now.toISOString()})
            ORDER BY ${e.id} LIMIT 1
            FOR UPDATE SKIP LOCKED`,
      )
      if (!endpoint) return null
      await sendEndpointQueue(req, endpoint, now, options, summary)
      return endpoint.id
    })
    if (!claimed) break
    seen.push(claimed)
  }
  return summary
}

/** Sends one claimed endpoint's deliveries in event order until one fails or none is due. */
const sendEndpointQueue = async (
  req: PayloadRequest,
  endpoint: EndpointRow,
  now: Date,
  options: DeliverOptions,
  summary: DeliverSummary,
) => {
  const e = webhookEndpointsTable(req)
  const d = webhookDeliveriesTable(req)
  const secrets = await signingSecretsOf(req, endpoint, now)
  for (let k = 0; k < (options.perEndpoint ?? 50); k++) {
    const [head] = await runSql<DeliveryRow>(
      req,
      sql`SELECT ${d.id} AS id, ${d.eventId} AS "eventId", ${d.eventType} AS "eventType", ${d.payload}::text AS body,
                 coalesce(${d.attempts}, 0)::int AS attempts, ${d.nextAttemptAt} AS "nextAttemptAt"
          FROM ${d}
          WHERE ${d.endpoint} = ${endpoint.id} AND ${d.status} IN ('pending', 'failed')
          ORDER BY ${d.occurredAt}, ${d.createdAt}, ${d.id}
          LIMIT 1`,
    )
    // Per-endpoint order: nothing newer goes out while the oldest undelivered one waits.
    if (!head || (head.nextAttemptAt && new Date(head.nextAttemptAt).getTime() > now.getTime())) return
    if (secrets.length === 0) {
      req.payload.logger.warn(`Webhook endpoint ${endpoint.id} has no signing secret; nothing sent`)
      return
    }
    const result = await postWebhook({
      url: endpoint.url,
      messageId: head.eventId,
      body: head.body,
      secrets,
      timeoutMs: options.timeoutMs,
    })
    const attempts = head.attempts + 1
    if (result.ok) {
      await runSql(
        req,
        sql`UPDATE ${d} SET ${d.status} = 'delivered', ${d.attempts} = ${attempts}, ${d.lastStatusCode} = ${result.status},
                ${d.lastError} = NULL, ${d.deliveredAt} = now(), ${d.nextAttemptAt} = NULL, ${d.updatedAt} = now()
            WHERE ${d.id} = ${head.id}`,
      )
      await runSql(req, sql`UPDATE ${e} SET ${e.consecutiveFailures} = 0 WHERE ${e.id} = ${endpoint.id}`)
      summary.delivered++
      continue
    }
    if (result.status === 410 && endpoint.source === 'zapier') {
      await removeEndpoint(req, endpoint.id)
      summary.removed++
      return
    }
    const dead = attempts >= options.maxAttempts
    const next = dead ? null : new Date(now.getTime() + backoffDelay(attempts, options.backoffMinutes)).toISOString()
    await runSql(
      req,
      sql`UPDATE ${d} SET ${d.status} = ${dead ? 'dead' : 'failed'}::${d.$enum.status}, ${d.attempts} = ${attempts},
              ${d.lastStatusCode} = ${result.status}, ${d.lastError} = ${result.error}, ${d.nextAttemptAt} = ${next},
              ${d.updatedAt} = now()
          WHERE ${d.id} = ${head.id}`,
    )
    const [{ failures }] = await runSql<{ failures: number }>(
      req,
      sql`UPDATE ${e} SET ${e.consecutiveFailures} = coalesce(${e.consecutiveFailures}, 0) + 1 WHERE ${e.id} = ${endpoint.id}
          RETURNING ${e.consecutiveFailures}::int AS failures`,
    )
    if (dead) {
      summary.dead++
      await emit(req, {
        type: 'webhook.delivery_failed',
        tenant: endpoint.tenant,
        subject: { collection: 'webhook-deliveries', id: head.id },
        data: {
          endpoint: endpoint.id,
          delivery: head.id,
          eventId: head.eventId,
          eventType: head.eventType,
          attempts,
          statusCode: result.status,
          error: result.error ?? 'failed',
        },
      })
    } else summary.failed++
    // A 410 from an ordinary receiver means "gone" too: switch it off at once.
    if (failures >= options.disableAfterFailures || result.status === 410) {
      await runSql(
        req,
        sql`UPDATE ${e} SET ${e.isEnabled} = false, ${e.disabledAt} = now() WHERE ${e.id} = ${endpoint.id}`,
      )
      summary.disabled++
      await emit(req, {
        type: 'webhook.endpoint_disabled',
        tenant: endpoint.tenant,
        subject: { collection: WEBHOOK_ENDPOINTS, id: endpoint.id },
        data: { endpoint: endpoint.id, url: endpoint.url, consecutiveFailures: failures },
      })
    }
    return
  }
}

/** Removes an endpoint with its deliveries and secrets (a Zapier hook answered 410 Gone). */
const removeEndpoint = async (req: PayloadRequest, id: string) => {
  const e = webhookEndpointsTable(req)
  const d = webhookDeliveriesTable(req)
  await runSql(req, sql`DELETE FROM ${d} WHERE ${d.endpoint} = ${id}`)
  await req.payload.db.deleteMany({
    collection: SECRETS_COLLECTION,
    where: { and: [{ ownerCollection: { equals: WEBHOOK_ENDPOINTS } }, { ownerId: { equals: id } }] },
    req,
  })
  await runSql(req, sql`DELETE FROM ${e} WHERE ${e.id} = ${id}`)
}
