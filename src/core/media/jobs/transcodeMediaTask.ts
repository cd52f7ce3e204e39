import type { TaskConfig } from 'payload'
import { TRANSCODE_MEDIA_TASK } from '../queueTranscode'
import { transcodeMedia } from './transcodeMedia'
import { withJobLease } from '../withJobLease'

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
  // A transcode may outlast JOBS_LEASE_SECONDS: the lease is renewed while it runs.
  handler: async ({ input, job, req }) => ({
    output: { outcome: await withJobLease(req.payload, job?.id, () => transcodeMedia(req, input)) },
  }),
}
