import type { CollectionAfterChangeHook } from 'payload'

export const TRANSCODE_MEDIA_TASK = 'transcodeMedia'

/**
 * Media `afterChange`: a video whose file just arrived (`videoUploadStatus` set it `uploaded`)
 * gets a `transcodeMedia` job, queued in the request's transaction: the job exists exactly when the
 * upload commits, and runs in the worker afterwards.
 */
export const queueTranscode: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (!req.file || doc.kind !== 'video' || doc.status !== 'uploaded') return doc
  await req.payload.jobs.queue({
    task: TRANSCODE_MEDIA_TASK,
    input: { media: String(doc.id), filename: String(doc.filename) },
    req,
  })
  return doc
}
