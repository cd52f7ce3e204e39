import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { idOf, OperationError, runSql } from '@/core'
import type { RetryGbpPostReply } from '../contract'
import { GBP_POSTS } from './GbpPosts'
import { gbpPostsTable } from './gbpSqlTables'
import { queueGbpSync } from './queueGbpSync'

/**
 * The Retry of a failed Google Business post (its edit view's button): whoever may read the row
 * (managers of its tenant; anyone else 404) puts it back to pending, attempts and error cleared, and
 * queues the sync of its event or offer, which reads the thing's current state again. Only a failed
 * post (409 `not_failed`) of a tenant still connected (409 `not_connected`).
 */
export const retryGbpPost = async (req: PayloadRequest, id: string): Promise<RetryGbpPostReply> => {
  const row = await req.payload
    .findByID({ collection: GBP_POSTS, id, depth: 0, req, overrideAccess: false, disableErrors: true })
    .catch(() => null)
  const tenant = idOf(row?.tenant)
  if (!row || !tenant) throw new OperationError(404, 'not_found', 'No such Google Business post.')
  if (row.state !== 'failed')
    throw new OperationError(409, 'not_failed', `Only a failed post is retried; this one is ${row.state}.`)
  const p = gbpPostsTable(req)
  const [reset] = await runSql<{ id: string }>(
    req,
    sql`UPDATE ${p} SET ${p.state} = 'pending', ${p.attempts} = 0, ${p.lastError} = NULL, ${p.claimedUntil} = NULL,
            ${p.updatedAt} = now()
        WHERE ${p.id} = ${id} AND ${p.state} = 'failed' RETURNING ${p.id} AS id`,
  )
  if (!reset) throw new OperationError(409, 'not_failed', 'This post is being retried already.')
  const job = await queueGbpSync(req, { tenant, kind: row.kind, id: row.localId })
  if (!job) throw new OperationError(409, 'not_connected', 'Connect the Google Business Profile again before retrying.')
  return { post: id, state: 'pending', job }
}
