import path from 'node:path'
import type { Payload } from 'payload'

/**
 * Where the HLS output of media lives: `media-hls/` beside the media collection's own upload folder
 * (`<DATA_DIR>/media-hls`), one folder per tenant and media: `<root>/<tenant>/<media>/`. The ids
 * come from the signed token or the media document (uuids), never from the request path.
 */
export const hlsRootOf = (payload: Payload): string => {
  const staticDir = payload.collections.media?.config.upload?.staticDir
  if (!staticDir) throw new Error('The media collection has no upload folder')
  return path.join(path.dirname(path.resolve(staticDir)), 'media-hls')
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/

export const hlsDirOf = (payload: Payload, tenant: string, media: string): string => {
  if (!SAFE_ID.test(tenant) || !SAFE_ID.test(media)) throw new Error(`Not a media or tenant id: ${tenant}/${media}`)
  return path.join(hlsRootOf(payload), tenant, media)
}
