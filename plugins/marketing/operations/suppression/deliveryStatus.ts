import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { messageLogsTable } from '../sql/automationsTable'

/** The statuses a delivery report may set, ranked: a report never moves a message back (a late "delivered" after "bounced" changes nothing). */
export type DeliveryStatus = 'sent' | 'delivered' | 'opened' | 'failed' | 'bounced' | 'complained'
const RANK: Record<string, number> = {
  pending: 0,
  sent: 1,
  delivered: 2,
  opened: 3,
  failed: 4,
  bounced: 4,
  complained: 5,
}

export type DeliveredLog = {
  id: string
  tenant: string
  member: string | null
  recipient: string
  channel: string
  status: string
  changed: boolean
}

/**
 * Applies a provider's delivery report to the message it is about (found by provider and provider
 * message id), in one conditional UPDATE: only when the new status ranks above the current one.
 * Answers the message (with `changed`), or null when no message has that id.
 */
export const applyDeliveryStatus = async (
  req: PayloadRequest,
  input: { providers: string[]; providerMessageIds: string[]; status: DeliveryStatus; error?: string | null },
): Promise<DeliveredLog | null> => {
  const ml = messageLogsTable(req)
  const rank = RANK[input.status]
  const lower = Object.entries(RANK)
    .filter(([, r]) => r < rank)
    .map(([s]) => s)
  const providers = `{${input.providers.map((p) => `"${p.replace(/["\\]/g, '')}"`).join(',')}}`
  const ids = `{${input.providerMessageIds.map((p) => `"${p.replace(/["\\]/g, '\\$&')}"`).join(',')}}`
  const [found] = await runSql<{
    id: string
    tenant: string
    member: string | null
    recipient: string
    channel: string
    status: string
  }>(
    req,
    sql`SELECT ${ml.id} AS id, ${ml.tenant} AS tenant, ${ml.member} AS member, ${ml.recipient} AS recipient,
               ${ml.channel}::text AS channel, ${ml.status}::text AS status
        FROM ${ml} WHERE ${ml.provider} = ANY(${providers}::text[]) AND ${ml.providerMessageId} = ANY(${ids}::text[])
        LIMIT 1 FOR UPDATE`,
  )
  if (!found) return null
  const updated = await runSql<{ status: string }>(
    req,
    sql`UPDATE ${ml} SET ${ml.status} = ${input.status}::${ml.$enum.status},
               ${ml.deliveredAt} = CASE WHEN ${input.status} = 'delivered' THEN now() ELSE ${ml.deliveredAt} END,
               ${ml.errorMessage} = COALESCE(${input.error?.slice(0, 500) ?? null}, ${ml.errorMessage}),
               ${ml.updatedAt} = now()
        WHERE ${ml.id} = ${found.id} AND ${ml.status}::text = ANY(${`{${lower.join(',')}}`}::text[])
        RETURNING ${ml.status}::text AS status`,
  )
  return {
    ...found,
    id: String(found.id),
    tenant: String(found.tenant),
    member: found.member == null ? null : String(found.member),
    status: updated[0]?.status ?? found.status,
    changed: updated.length > 0,
  }
}
