import type { CollectionAfterDeleteHook } from 'payload'
import { idOf } from '../access/idOf'
import { REMOVE_MEDIA_HLS_TASK } from './jobs/removeMediaHlsTask'

/** Media `afterDelete` (deleted for good, not trashed): queues the removal of its HLS files when the delete commits. */
export const queueHlsRemoval: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const tenant = idOf(doc.tenant)
  if (doc.kind !== 'video' || !tenant) return doc
  await req.payload.jobs.queue({ task: REMOVE_MEDIA_HLS_TASK, input: { tenant, media: String(doc.id) }, req })
  return doc
}
