import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { inboundWebhooksTable, OperationError, recordInboundWebhook, runSql } from '@/core'
import { hubspotConnectionOfPortal } from './hubspotConnection'
import { hubspotDealsTable, hubspotLeadsTable, hubspotOutboxTable } from './hubspotSqlTables'
import { HUBSPOT_STAGE_TO_DEAL, LEAD_STATUS_TO_HUBSPOT, LIFECYCLE_TO_LEAD_STATUS } from './outboxState'
import { verifyHubspotSignature } from './verifyHubspotSignature'

const idish = z.union([z.number(), z.string().min(1).max(100)]).transform(String)

/** One event of a HubSpot webhook (v3 batches up to 100 per request; the fields we use). */
export const hubspotWebhookEvent = z
  .object({
    eventId: idish,
    portalId: idish,
    subscriptionType: z.string().min(1).max(100),
    objectId: idish,
    propertyName: z.string().max(200).optional(),
    propertyValue: z.string().max(2000).nullish(),
    occurredAt: z.number().optional(),
  })
  .passthrough()
export const hubspotWebhookBody = z.array(hubspotWebhookEvent).min(1).max(100)

export type HubspotWebhookReply = { received: number; duplicates: number; applied: number }

const unverified = () =>
  new OperationError(
    401,
    'invalid_signature',
    'The X-HubSpot-Signature-v3 header does not sign this request, or X-HubSpot-Request-Timestamp is outside the 5-minute window.',
  )

const LEAD_STATUS_OF_HS: Record<string, string> = Object.fromEntries(
  Object.entries(LEAD_STATUS_TO_HUBSPOT).map(([ours, theirs]) => [theirs, ours]),
)

/**
 * `POST /api/hubspot/webhook`: HubSpot's webhook (v3 signature). The events' portal names the
 * tenant whose connection's client secret must sign method + URI + raw body + timestamp (401
 * `invalid_signature` otherwise, or when the timestamp is more than 5 minutes away). Each event
 * is recorded once per tenant and event id in core's `inbound-webhooks`, and in the same
 * transaction applied: a contact's `lifecyclestage` (or `hs_lead_status`) becomes its lead's
 * status, a deal's `dealstage` its local deal's stage. A replay changes nothing.
 */
export const receiveHubspotWebhook = async (
  req: PayloadRequest,
  input: { raw: string; method: string; uri: string; signature: string | null; timestamp: string | null },
  options: { toleranceMs: number },
): Promise<HubspotWebhookReply> => {
  let events: z.infer<typeof hubspotWebhookBody>
  try {
    events = hubspotWebhookBody.parse(JSON.parse(input.raw))
  } catch {
    throw new OperationError(400, 'invalid_input', 'The body must be a list of 1 to 100 HubSpot webhook events.')
  }
  const connection = await hubspotConnectionOfPortal(req, events[0].portalId)
  if (!connection?.clientSecret) throw unverified()
  const verified = verifyHubspotSignature({
    method: input.method,
    uri: connection.webhookUrl ?? input.uri,
    body: input.raw,
    signature: input.signature,
    timestamp: input.timestamp,
    clientSecret: connection.clientSecret,
    toleranceMs: options.toleranceMs,
  })
  if (!verified) throw unverified()

  const reply: HubspotWebhookReply = { received: events.length, duplicates: 0, applied: 0 }
  for (const event of events) {
    // Only the signed portal's events (a batch of several portals is applied portal by portal by HubSpot's retries).
    if (event.portalId !== events[0].portalId) continue
    const tenant = connection.tenant
    const recorded = await recordInboundWebhook(req, {
      source: 'hubspot',
      eventId: event.eventId,
      dedupKey: `${tenant}:${event.eventId}`,
      eventType: event.subscriptionType,
      tenant,
      payload: event,
    })
    if (recorded.duplicate) {
      reply.duplicates++
      continue
    }
    const applied = await applyEvent(req, tenant, event)
    if (applied) reply.applied++
    const w = inboundWebhooksTable(req)
    await runSql(
      req,
      sql`UPDATE ${w.$table} SET ${w.status} = ${applied ? 'processed' : 'ignored'}, ${w.processedAt} = now(), ${w.updatedAt} = now()
          WHERE ${w.id} = ${recorded.id}`,
    )
  }
  return reply
}

const applyEvent = async (req: PayloadRequest, tenant: string, event: z.infer<typeof hubspotWebhookEvent>) => {
  const value = event.propertyValue ?? ''
  if (event.subscriptionType === 'contact.propertyChange') {
    const status =
      event.propertyName === 'lifecyclestage'
        ? LIFECYCLE_TO_LEAD_STATUS[value]
        : event.propertyName === 'hs_lead_status'
          ? LEAD_STATUS_OF_HS[value]
          : undefined
    if (!status) return false
    const o = hubspotOutboxTable(req)
    const l = hubspotLeadsTable(req)
    const rows = await runSql(
      req,
      sql`UPDATE ${l} SET ${l.status} = ${status}::${l.$enum.status}, ${l.updatedAt} = now()
          WHERE ${l.tenant} = ${tenant} AND ${l.status} <> 'converted' AND ${l.status} <> ${status}::${l.$enum.status}
            AND ${l.id}::text IN (SELECT ${o.localId} FROM ${o} WHERE ${o.tenant} = ${tenant}
                                  AND ${o.objectKind} = 'lead' AND ${o.remoteId} = ${event.objectId})
          RETURNING ${l.id}`,
    )
    return rows.length > 0
  }
  if (event.subscriptionType === 'deal.propertyChange' && event.propertyName === 'dealstage') {
    const stage = HUBSPOT_STAGE_TO_DEAL[value]
    if (!stage) return false
    const d = hubspotDealsTable(req)
    const rows = await runSql(
      req,
      sql`UPDATE ${d} SET ${d.stage} = ${stage}::${d.$enum.stage}, ${d.updatedAt} = now()
          WHERE ${d.tenant} = ${tenant} AND ${d.hubspotDealId} = ${event.objectId} AND ${d.stage} <> ${stage}::${d.$enum.stage}
          RETURNING ${d.id}`,
    )
    return rows.length > 0
  }
  return false
}
