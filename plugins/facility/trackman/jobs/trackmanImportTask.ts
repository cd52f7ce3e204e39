import type { PayloadRequest, TaskConfig } from 'payload'
import type { AccessCodeOptions } from '../../operations/accessCode'
import { processImportBatch } from '../import/processImportBatch'
import { TRACKMAN_IMPORT_TASK } from './taskSlugs'

/**
 * One batch of a Trackman CSV import (queued when the import is created, then by itself while rows
 * are left): `processImportBatch` reads the next rows, creates their reservations or queues them
 * for review, and counts its progress on the import.
 */
export const trackmanImportTask = (options: { batchSize: number; codes: AccessCodeOptions }): TaskConfig => ({
  slug: TRACKMAN_IMPORT_TASK,
  label: 'Import Trackman bookings (one batch)',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
  inputSchema: [{ name: 'import', type: 'text', required: true }],
  outputSchema: [{ name: 'more', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const { import: importId } = input as { import: string }
    const own = { ...req, transactionID: undefined } as PayloadRequest
    const { more } = await processImportBatch(own, importId, options)
    if (more) await req.payload.jobs.queue({ task: TRACKMAN_IMPORT_TASK, input: { import: importId } })
    return { output: { more } }
  },
})
