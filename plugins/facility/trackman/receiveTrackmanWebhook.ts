import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { inboundWebhooksTable, OperationError, recordInboundWebhook, runSql } from '@/core'
import { reservationsTable } from '../operations/sql/reservationsTable'
import { trackmanConnection } from './trackmanConnection'
import { verifyTimestamped } from '@/core'

const instant = z.string().datetime({ offset: true })

/** A Trackman session webhook (the fields we use; others are ignored). */
export const trackmanWebhookBody = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  data: z
    .object({
      sessionId: z.string().min(1).max(200),
      externalBookingId: z.string().uuid(),
      startedAt: instant.optional(),
      endedAt: instant.optional(),
    })
    .passthrough(),
})

export type TrackmanWebhookReply = { received: true; duplicate: boolean; applied: boolean }

const unverified = () =>
  new OperationError(
    401,
    'invalid_signature',
    'The X-Trackman-Signature header does not sign this body, or it is too old.',
  )

/**
 * `POST /api/facility/trackman/webhook`: a session on a bay booked from one of our reservations.
 * The reservation (the booking's external id) names the tenant whose connection's webhook secret
 * must sign the raw body (401 `invalid_signature` otherwise, also for a booking we do not know).
 * The event is recorded once per tenant and event id in core's `inbound-webhooks` (a conditional
 * insert); in the same transaction `session.started` sets the reservation's Trackman session and
 * start (and `checkedInAt` when still empty) and `session.ended` its end, each only where still
 * empty. A replay answers `duplicate: true` and changes nothing.
 */
export const receiveTrackmanWebhook = async (
  req: PayloadRequest,
  input: { raw: string; signature: string | null },
  options: { toleranceSeconds: number },
): Promise<TrackmanWebhookReply> => {
  let body: z.infer<typeof trackmanWebhookBody>
  try {
    body = trackmanWebhookBody.parse(JSON.parse(input.raw))
  } catch {
    throw new OperationError(400, 'invalid_input', 'The body must be a Trackman event with data.externalBookingId.')
  }
  const r = reservationsTable(req)
  const reservation = body.data.externalBookingId
  const [row] = await runSql<{ tenant_id: string }>(
    req,
    sql`SELECT ${r.tenant} AS tenant_id FROM ${r.$table} WHERE ${r.id} = ${reservation}`,
  )
  if (!row) throw unverified()
  const tenant = String(row.tenant_id)
  const connection = await trackmanConnection(req, tenant, { requireFlag: false })
  if (!connection?.webhookSecret) throw unverified()
  if (!verifyTimestamped(input.raw, input.signature, connection.webhookSecret, options)) throw unverified()

  const recorded = await recordInboundWebhook(req, {
    source: 'trackman',
    eventId: body.id,
    dedupKey: `${tenant}:${body.id}`,
    eventType: body.type,
    tenant,
    payload: body,
  })
  if (recorded.duplicate) return { received: true, duplicate: true, applied: false }

  const { sessionId, startedAt, endedAt } = body.data
  let applied = false
  if (body.type === 'session.started' || body.type === 'session.ended') {
    const started = startedAt ?? (body.type === 'session.started' ? new Date().toISOString() : null)
    const ended = body.type === 'session.ended' ? (endedAt ?? new Date().toISOString()) : null
    const rows = await runSql(
      req,
      sql`UPDATE ${r.$table} SET
            ${r.trackmanSessionId} = COALESCE(${r.trackmanSessionId}, ${sessionId}),
            ${r.trackmanSessionStartedAt} = COALESCE(${r.trackmanSessionStartedAt}, ${started}::timestamptz),
            ${r.trackmanSessionEndedAt} = COALESCE(${r.trackmanSessionEndedAt}, ${ended}::timestamptz),
            ${r.checkedInAt} = COALESCE(${r.checkedInAt}, ${started}::timestamptz),
            ${r.updatedAt} = now()
          WHERE ${r.id} = ${reservation} AND ${r.tenant} = ${tenant}
          RETURNING ${r.id}`,
    )
    applied = rows.length > 0
  }
  await markProcessed(req, recorded.id, applied ? 'processed' : 'ignored')
  return { received: true, duplicate: false, applied }
}

const markProcessed = async (req: PayloadRequest, id: string, status: 'processed' | 'ignored') => {
  const w = inboundWebhooksTable(req)
  await runSql(
    req,
    sql`UPDATE ${w.$table} SET ${w.status} = ${status}, ${w.processedAt} = now(), ${w.updatedAt} = now() WHERE ${w.id} = ${id}`,
  )
}
