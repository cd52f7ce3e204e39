import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { OPEN_TARGET, verifyTrackingSignature } from './trackingLinks'
import { trackedMessageLogsTable } from './trackingTable'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

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
  const rows = await runSql(
    req,
    sql`UPDATE ${ml} SET ${ml.openedAt} = now(), ${ml.updatedAt} = now(),
               ${ml.status} = CASE WHEN ${ml.status} IN ('sent', 'delivered') THEN 'opened'::${ml.$enum.status} ELSE ${ml.status} END
        WHERE ${ml.id} = ${messageLog} AND ${ml.openedAt} IS NULL RETURNING ${ml.id}`,
  )
  return { first: rows.length > 0 }
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
  const rows = await runSql(
    req,
    sql`UPDATE ${ml} SET ${ml.clickedAt} = now(), ${ml.openedAt} = coalesce(${ml.openedAt}, now()), ${ml.updatedAt} = now(),
               ${ml.status} = CASE WHEN ${ml.status} IN ('sent', 'delivered') THEN 'opened'::${ml.$enum.status} ELSE ${ml.status} END
        WHERE ${ml.id} = ${messageLog} AND ${ml.clickedAt} IS NULL RETURNING ${ml.id}`,
  )
  return { location: parsed.toString(), first: rows.length > 0 }
}
