import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { idOf } from '../access/idOf'
import { inboundWebhooksTable } from '../db/kernelTables'
import { runSql } from '../db/sqlFor'

export type InboundWebhookInput = {
  source: 'stripe' | 'trackman' | 'hubspot' | 'email' | 'cloudflare_stream' | 'eventbrite' | 'test' | 'sms'
  eventId: string
  /** Defaults to the event id; providers that reuse ids per object pass their own key. */
  dedupKey?: string
  eventType?: string
  /** Already verified and redacted payload. */
  payload?: unknown
  tenant?: unknown
}

/**
 * Records a verified inbound webhook exactly once per (source, dedupKey) with one conditional
 * insert; a replay answers `duplicate: true` and changes nothing. Process recorded events in a
 * retried job, never in the request.
 */
export const recordInboundWebhook = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  input: InboundWebhookInput,
): Promise<{ id: string; duplicate: false } | { id: null; duplicate: true }> => {
  const w = inboundWebhooksTable(req)
  const rows = await runSql<{ id: string }>(
    req,
    sql`INSERT INTO ${w} (${w.tenant}, ${w.source}, ${w.eventId}, ${w.dedupKey}, ${w.eventType}, ${w.payload}, ${w.status}, ${w.attempts},
                          ${w.receivedAt}, ${w.updatedAt}, ${w.createdAt})
        VALUES (${idOf(input.tenant) ?? null}, ${input.source}, ${input.eventId}, ${input.dedupKey ?? input.eventId}, ${input.eventType ?? null},
                ${JSON.stringify(input.payload ?? null)}::jsonb, 'received', 0, now(), now(), now())
        ON CONFLICT (${w.source}, ${w.dedupKey}) DO NOTHING
        RETURNING ${w.id} AS id`,
  )
  return rows[0] ? { id: rows[0].id, duplicate: false } : { id: null, duplicate: true }
}
