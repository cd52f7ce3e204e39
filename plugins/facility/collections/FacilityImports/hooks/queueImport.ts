import type { CollectionAfterChangeHook } from 'payload'
import { TRACKMAN_IMPORT_TASK } from '../../../trackman/jobs/taskSlugs'

/** A new import queues its first batch in the same transaction (the job exists exactly when the import does). */
export const queueImport: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create')
    await req.payload.jobs.queue({ task: TRACKMAN_IMPORT_TASK, input: { import: String(doc.id) }, req })
  return doc
}
