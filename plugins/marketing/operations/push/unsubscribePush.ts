import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql, tenantMembershipsTable } from '@/core'
import { pushUnsubscribeInput, type PushUnsubscribeReply } from '../../contract'
import { pushSubscriptionsTable } from '../sql/pushSubscriptionsTable'
import { tenantIdOf } from './subscribePush'

/**
 * Removes this browser's subscription of the signed-in person (of one tenant when `tenant` is
 * given, else of any of their memberships). Someone else's row with the same endpoint is left
 * alone; removing again removes nothing (`removed: 0`).
 */
export const unsubscribePush = async (req: PayloadRequest, body: unknown): Promise<PushUnsubscribeReply> => {
  const input = pushUnsubscribeInput.parse(body)
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const tenant = input.tenant ? await tenantIdOf(req, input.tenant) : null
  const p = pushSubscriptionsTable(req)
  const m = tenantMembershipsTable(req)
  const removed = await runSql<{ id: string }>(
    req,
    sql`DELETE FROM ${p} WHERE ${p.endpoint} = ${input.endpoint}
          ${tenant ? sql`AND ${p.tenant} = ${tenant}` : sql``}
          AND ${p.member} IN (SELECT ${m.id} FROM ${m.$table} WHERE ${m.user} = ${String(req.user.id)})
        RETURNING ${p.id} AS id`,
  )
  return { endpoint: input.endpoint, removed: removed.length }
}
