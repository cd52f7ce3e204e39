import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, inTransaction, OperationError, runSql } from '@/core'
import { OPEN_TARGET, verifyTrackingSignature } from './trackingLinks'
import { trackedMessageLogsTable } from './trackingTable'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// ---- More triggers: engagement events ----
type Engaged = {
  id: string
  tenant_id: string
  member_id: string | null
  automation_log_id: string | null
  step: number | null
}

/** `message.opened` / `message.clicked` for a first open or click, in the UPDATE's transaction (webhooks see them). */
const emitEngagement = async (req: PayloadRequest, row: Engaged, type: 'opened' | 'clicked', url?: string) => {
  const data = {
    messageLog: String(row.id),
    member: row.member_id ? String(row.member_id) : null,
    automationLog: row.automation_log_id ? String(row.automation_log_id) : null,
    step: row.step == null ? null : Number(row.step),
  }
  const base = { tenant: String(row.tenant_id), subject: { collection: 'message-logs', id: String(row.id) } }
  if (type === 'opened') await emit(req, { ...base, type: 'message.opened', data })
  else await emit(req, { ...base, type: 'message.clicked', data: { ...data, url: url ?? '' } })
}
// ---- /More triggers: engagement events ----

const check = (messageLog: string, target: string, signature: string | undefined) => {
  if (!UUID.test(messageLog)) throw new OperationError(400, 'invalid_message', 'No such message.')
  if (!signature || !verifyTrackingSignature(messageLog, target, signature))
    throw new OperationError(400, 'invalid_signature', 'This link is not valid.')
}

/**
 * The open pixel was loaded: the message's first open is recorded, once (one conditional UPDATE;
 * repeated opens change nothing). Its status moves to `opened` only from sent/delivered (never back
 * from a bounce or complaint). Returns whether this was the first open.
 */
export const recordOpen = async (req: PayloadRequest, messageLog: string, signature: string | undefined) => {
  check(messageLog, OPEN_TARGET, signature)
  const ml = trackedMessageLogsTable(req)
  return inTransaction(req, async () => {
    const rows = await runSql<Engaged>(
      req,
      sql`UPDATE ${ml} SET ${ml.openedAt} = now(), ${ml.updatedAt} = now(),
                 ${ml.status} = CASE WHEN ${ml.status} IN ('sent', 'delivered') THEN 'opened'::${ml.$enum.status} ELSE ${ml.status} END
          WHERE ${ml.id} = ${messageLog} AND ${ml.openedAt} IS NULL
          RETURNING ${ml.id} AS id, ${ml.tenant} AS tenant_id, ${ml.member} AS member_id,
                    ${ml.automationLog} AS automation_log_id, ${ml.step} AS step`,
    )
    if (rows[0]) await emitEngagement(req, rows[0], 'opened') // More triggers: engagement events
    return { first: rows.length > 0 }
  })
}

/**
 * A tracked link was followed: checks that `url` was in the message (its signature) and is http(s),
 * records the first click (and the open it implies, when the pixel was blocked) in one
 * conditional UPDATE, and returns where to redirect.
 */
export const recordClick = async (
  req: PayloadRequest,
  messageLog: string,
  url: string | undefined,
  signature: string | undefined,
): Promise<{ location: string; first: boolean }> => {
  if (!url) throw new OperationError(400, 'invalid_url', 'The link has no target.')
  check(messageLog, url, signature)
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new OperationError(400, 'invalid_url', 'The link has no valid target.')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new OperationError(400, 'invalid_url', 'The link has no valid target.')
  const ml = trackedMessageLogsTable(req)
  const location = parsed.toString()
  return inTransaction(req, async () => {
    // The open a click implies (pixel blocked) is reported too: `opened_first` is whether it was unopened before.
    const rows = await runSql<Engaged & { opened_first: boolean }>(
      req,
      sql`UPDATE ${ml} SET ${ml.clickedAt} = now(), ${ml.openedAt} = coalesce(${ml.openedAt}, now()), ${ml.updatedAt} = now(),
                 ${ml.status} = CASE WHEN ${ml.status} IN ('sent', 'delivered') THEN 'opened'::${ml.$enum.status} ELSE ${ml.status} END
          FROM (SELECT ${ml.openedAt} IS NULL AS was_unopened FROM ${ml} WHERE ${ml.id} = ${messageLog} FOR UPDATE) prev
          WHERE ${ml.id} = ${messageLog} AND ${ml.clickedAt} IS NULL
          RETURNING ${ml.id} AS id, ${ml.tenant} AS tenant_id, ${ml.member} AS member_id,
                    ${ml.automationLog} AS automation_log_id, ${ml.step} AS step, prev.was_unopened AS opened_first`,
    )
    // ---- More triggers: engagement events ----
    if (rows[0]?.opened_first) await emitEngagement(req, rows[0], 'opened')
    if (rows[0]) await emitEngagement(req, rows[0], 'clicked', location)
    // ---- /More triggers: engagement events ----
    return { location, first: rows.length > 0 }
  })
}
