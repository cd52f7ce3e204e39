import type { PayloadRequest } from 'payload'

/** A media's pipeline status (uploading, uploaded, transcoding, ready, failed), or `missing` when gone. */
export type MediaReadiness = string

/** The status of each media (`missing` for one that is not there, e.g. trashed), read as the system. */
export const mediaStatuses = async (req: PayloadRequest, ids: string[]): Promise<Map<string, MediaReadiness>> => {
  const unique = [...new Set(ids)]
  const statuses = new Map<string, MediaReadiness>(unique.map((id) => [id, 'missing']))
  if (unique.length === 0) return statuses
  const { docs } = await req.payload.find({
    collection: 'media',
    where: { id: { in: unique } },
    select: { status: true },
    depth: 0,
    limit: unique.length,
    pagination: false,
    req,
  })
  for (const doc of docs) statuses.set(String(doc.id), doc.status ?? 'ready')
  return statuses
}

/**
 * 400 `media_not_ready` refuses a publication while a video or audio is not `ready`: this
 * sentence says what to do (upload a failed one again, else wait for the processing).
 */
export const mediaNotReadyAdvice = (statuses: MediaReadiness[]): string =>
  statuses.some((status) => status === 'failed' || status === 'missing')
    ? 'Upload failed or missing media again and publish once processing has finished. You can save a draft meanwhile.'
    : 'Publish once it has finished processing. You can save a draft meanwhile.'
