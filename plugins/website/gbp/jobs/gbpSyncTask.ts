import type { TaskConfig } from 'payload'
import { z } from 'zod'
import { GBP_POST_KINDS } from '../GbpPosts'
import { syncGbpPost } from './syncGbpPost'

export const GBP_SYNC_TASK = 'syncGbpPost'

const inputSchema = z.object({ tenant: z.string(), kind: z.enum(GBP_POST_KINDS), id: z.string() })

/**
 * Brings one event's Google Business Profile posts in step with it (queued after commit by the
 * event's hooks); retried with exponential backoff while Google rate-limits, fails or times out.
 */
export const gbpSyncTask = (): TaskConfig => ({
  slug: GBP_SYNC_TASK,
  label: 'Sync a Google Business Profile post',
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [
    { name: 'tenant', type: 'text', required: true },
    { name: 'kind', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'created', type: 'number' },
    { name: 'adopted', type: 'number' },
    { name: 'patched', type: 'number' },
    { name: 'deleted', type: 'number' },
    { name: 'unchanged', type: 'number' },
    { name: 'refused', type: 'number' },
  ],
  handler: async ({ input, req }) => ({ output: await syncGbpPost(req.payload, inputSchema.parse(input)) }),
})
