import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import { idOf } from '@/core'
import { hasGbpConnection } from './gbpConnection'
import type { GbpPostKind } from './GbpPosts'
import { GBP_SYNC_TASK } from './jobs/gbpSyncTask'

/**
 * Queues the sync of one thing's Google Business Profile posts in the request's transaction (it runs
 * after commit, and only if the change commits), when its tenant has a connected Business Profile;
 * `waitUntil`: not before then (an offer's end). The job's id, or null when nothing was queued.
 */
export const queueGbpSync = async (
  req: PayloadRequest,
  input: { tenant: unknown; kind: GbpPostKind; id: unknown; waitUntil?: Date },
): Promise<string | null> => {
  const tenant = idOf(input.tenant)
  if (!tenant || !(await hasGbpConnection(req, tenant))) return null
  const job = await req.payload.jobs.queue({
    task: GBP_SYNC_TASK,
    input: { tenant, kind: input.kind, id: String(input.id) },
    ...(input.waitUntil ? { waitUntil: input.waitUntil } : {}),
    req,
  })
  return String(job.id)
}

/** ⊕ bookings' `events`: a saved event (published, edited, cancelled, unpublished) queues its sync. Drafts never posted are skipped. */
export const queueGbpSyncOfEvent: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const wasDraft = operation === 'create' || !previousDoc?.status || previousDoc.status === 'draft'
  if (doc.status === 'draft' && wasDraft) return doc
  await queueGbpSync(req, { tenant: doc.tenant, kind: 'event', id: doc.id })
  return doc
}

/** ⊕ bookings' `events`: a deleted event queues the deletion of its posts. */
export const queueGbpSyncOfDeletedEvent: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await queueGbpSync(req, { tenant: doc.tenant, kind: 'event', id: doc.id })
  return doc
}
