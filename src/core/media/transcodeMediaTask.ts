import type { TaskConfig } from 'payload'
import { TRANSCODE_MEDIA_TASK } from './queueTranscode'
import { transcodeMedia } from './transcodeMedia'

/**
 * Transcodes one uploaded video (queued by `queueTranscode` when the upload commits). A file the
 * transcoder cannot read ends `failed` without retries; anything else (database, disk) is retried.
 */
export const transcodeMediaTask: TaskConfig<typeof TRANSCODE_MEDIA_TASK> = {
  slug: TRANSCODE_MEDIA_TASK,
  label: 'Transcode an uploaded video to HLS',
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
  inputSchema: [
    { name: 'media', type: 'text', required: true },
    { name: 'filename', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => ({ output: { outcome: await transcodeMedia(req, input) } }),
}
