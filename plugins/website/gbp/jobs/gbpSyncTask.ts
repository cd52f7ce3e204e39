import type { TaskConfig } from 'payload'
import { z } from 'zod'
import { GbpCallError } from '../gbpApi'
import { GBP_POST_KINDS } from '../GbpPosts'
import { GBP_SYNC_TASK } from './gbpSyncTaskSlug'
import { syncGbpPost } from './syncGbpPost'

export { GBP_SYNC_TASK }

/** How many times in a row a sync waits for Google's Retry-After before failing like any other error. */
export const GBP_MAX_DEFERRALS = 6

const inputSchema = z.object({
  tenant: z.string(),
  kind: z.enum(GBP_POST_KINDS),
  id: z.string(),
  deferrals: z.number().int().min(0).nullish(),
})

/**
 * Brings one thing's Google Business Profile posts in step with it (queued after commit by the
 * event's hooks, an offer event, the Retry button, or at an offer's end); retried with exponential
 * backoff while Google rate-limits, fails or times out. When Google said when to come back
 * (`Retry-After` on a 429 / 5xx), the retry is a new job queued with `waitUntil` at that time (no
 * earlier), and this one ends there (`deferredUntil`); after `GBP_MAX_DEFERRALS` in a row it fails
 * and backs off like any error.
 */
export const gbpSyncTask = (): TaskConfig => ({
  slug: GBP_SYNC_TASK,
  label: 'Sync a Google Business Profile post',
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [
    { name: 'tenant', type: 'text', required: true },
    { name: 'kind', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'deferrals', type: 'number' },
  ],
  outputSchema: [
    { name: 'created', type: 'number' },
    { name: 'adopted', type: 'number' },
    { name: 'patched', type: 'number' },
    { name: 'deleted', type: 'number' },
    { name: 'unchanged', type: 'number' },
    { name: 'refused', type: 'number' },
    { name: 'deferredUntil', type: 'date' },
  ],
  handler: async ({ input, req }) => {
    const { deferrals, ...sync } = inputSchema.parse(input)
    try {
      return { output: await syncGbpPost(req.payload, sync) }
    } catch (error) {
      if (!(error instanceof GbpCallError) || !error.retryAt || (deferrals ?? 0) >= GBP_MAX_DEFERRALS) throw error
      await req.payload.jobs.queue({
        task: GBP_SYNC_TASK,
        input: { ...sync, deferrals: (deferrals ?? 0) + 1 },
        waitUntil: error.retryAt,
        req,
      })
      return { output: { deferredUntil: error.retryAt.toISOString() } }
    }
  },
})
