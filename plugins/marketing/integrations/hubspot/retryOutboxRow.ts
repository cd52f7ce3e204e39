import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { idOf, OperationError, runSql } from '@/core'
import type { RetryHubspotRowReply } from '../../contract'
import { HUBSPOT_OUTBOX } from '../../collections/HubspotOutbox'
import { hubspotOutboxTable } from './hubspotSqlTables'
import { HUBSPOT_SYNC_TASK } from './jobs/taskSlugs'

/**
 * Sends an outbox row again (managers of its tenant: whoever may read it; 404 otherwise): pending,
 * attempts reset, due now, and a sync run for its tenant. The dead-letter list's Retry.
 */
export const retryOutboxRow = async (req: PayloadRequest, id: string): Promise<RetryHubspotRowReply> => {
  const row = await req.payload
    .findByID({ collection: HUBSPOT_OUTBOX, id, depth: 0, req, overrideAccess: false, disableErrors: true })
    .catch(() => null)
  const tenant = idOf(row?.tenant)
  if (!row || !tenant) throw new OperationError(404, 'not_found', 'No such HubSpot outbox row.')
  const o = hubspotOutboxTable(req)
  const [updated] = await runSql<{ next: Date }>(
    req,
    sql`UPDATE ${o} SET ${o.status} = 'pending', ${o.attempts} = 0, ${o.nextAttemptAt} = now(), ${o.lastError} = NULL,
            ${o.claimedUntil} = NULL, ${o.updatedAt} = now()
        WHERE ${o.id} = ${id} RETURNING ${o.nextAttemptAt} AS next`,
  )
  await req.payload.jobs.queue({ task: HUBSPOT_SYNC_TASK, input: { tenant }, req })
  return { row: id, status: 'pending', nextAttemptAt: new Date(updated.next).toISOString() }
}
