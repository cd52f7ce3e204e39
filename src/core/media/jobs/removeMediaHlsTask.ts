import { rm } from 'node:fs/promises'
import type { TaskConfig } from 'payload'
import { hlsDirOf } from '../hlsDirOf'

export const REMOVE_MEDIA_HLS_TASK = 'removeMediaHls'

/** Deletes a deleted media's HLS folder (playlists, segments, poster); harmless to run again. */
export const removeMediaHlsTask: TaskConfig<typeof REMOVE_MEDIA_HLS_TASK> = {
  slug: REMOVE_MEDIA_HLS_TASK,
  label: "Remove a deleted video's HLS files",
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
  inputSchema: [
    { name: 'tenant', type: 'text', required: true },
    { name: 'media', type: 'text', required: true },
  ],
  handler: async ({ input, req }) => {
    await rm(hlsDirOf(req.payload, input.tenant, input.media), { recursive: true, force: true })
    return { output: {} }
  },
}
