import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { HubspotObjectKind } from '../../collections/HubspotOutbox'
import { hubspotOutboxTable } from './hubspotSqlTables'
import { HUBSPOT_SYNC_TASK } from './jobs/taskSlugs'
import type { OutboxState } from './outboxState'

/**
 * Puts the latest state of one object in the tenant's HubSpot outbox, in one
 * `INSERT … ON CONFLICT (tenant, objectKind, localId) DO UPDATE`: repeated changes coalesce into
 * the one row (its `version` goes up, so a push of an older state in flight does not mark it sent),
 * a dead row comes back to life with its attempts reset, and a state equal to the one already sent
 * changes nothing. When a row was added or changed, a sync run is queued in the same transaction
 * (it runs after commit). Returns whether it was.
 */
export const enqueueHubspot = async (
  req: PayloadRequest,
  input: { tenant: string; kind: HubspotObjectKind; localId: string; state: OutboxState; queue?: boolean },
): Promise<boolean> => {
  const o = hubspotOutboxTable(req)
  const state = JSON.stringify(input.state)
  const rows = await runSql<{ id: string }>(
    req,
    sql`INSERT INTO ${o} AS t (${o.tenant}, ${o.objectKind}, ${o.localId}, ${o.state}, ${o.version}, ${o.status}, ${o.attempts},
                         ${o.nextAttemptAt}, ${o.createdAt}, ${o.updatedAt})
        VALUES (${input.tenant}, ${input.kind}::${o.$enum.objectKind}, ${input.localId}, ${state}::jsonb, 1, 'pending', 0, now(), now(), now())
        ON CONFLICT (${o.tenant}, ${o.objectKind}, ${o.localId})
        DO UPDATE SET
          ${o.state} = EXCLUDED.${o.state},
          ${o.version} = t.${o.version} + 1,
          ${o.status} = 'pending',
          ${o.attempts} = CASE WHEN t.${o.status} = 'dead' THEN 0 ELSE t.${o.attempts} END,
          ${o.nextAttemptAt} = CASE WHEN t.${o.status} = 'pending' AND t.${o.attempts} > 0
                                  THEN t.${o.nextAttemptAt} ELSE now() END,
          ${o.updatedAt} = now()
        WHERE t.${o.state} IS DISTINCT FROM EXCLUDED.${o.state}
           OR t.${o.status} <> 'sent'
        RETURNING t.${o.id} AS id`,
  )
  if (rows.length === 0) return false
  if (input.queue !== false)
    await req.payload.jobs.queue({ task: HUBSPOT_SYNC_TASK, input: { tenant: input.tenant }, req })
  return true
}
