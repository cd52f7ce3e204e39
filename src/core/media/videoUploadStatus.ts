import type { CollectionBeforeChangeHook } from 'payload'
import { OperationError } from '../http/OperationError'
import { mediaStatusRank } from './mediaStatusRank'

/**
 * Media `beforeChange`: a video file arriving (create, or the file replaced) starts the pipeline
 * over at `uploaded`, clearing what the last transcode wrote; otherwise status only moves forward
 * (uploading → uploaded → transcoding → ready or failed), refused with 400 otherwise.
 */
export const videoUploadStatus: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (req.file && String(data.mimeType ?? '').startsWith('video/')) {
    Object.assign(data, {
      status: 'uploaded',
      transcodeError: null,
      hlsMasterPlaylistKey: null,
      posterKey: null,
      streamId: null,
      durationSeconds: null,
    })
    return data
  }
  const from = originalDoc?.status as string | undefined
  if (
    originalDoc &&
    data.status !== undefined &&
    data.status !== from &&
    mediaStatusRank(data.status) <= mediaStatusRank(from)
  )
    throw new OperationError(
      400,
      'media_status_backwards',
      `The media is ${from}; its status only moves forward (uploading → uploaded → transcoding → ready or failed). Upload a new file to start over.`,
    )
  return data
}
