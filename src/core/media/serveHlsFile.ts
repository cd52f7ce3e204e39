import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { Payload } from 'payload'
import { OperationError } from '../http/OperationError'
import { hlsDirOf } from './hlsDirOf'
import { hlsFileType } from './hlsFileType'
import { verifyMediaToken } from './verifyMediaToken'
import { withMediaToken } from './withMediaToken'

const REFUSALS: Record<string, [code: string, message: string]> = {
  missing: ['media_token_required', 'This media needs a playback token (?token=...).'],
  malformed: ['media_token_invalid', 'The playback token is not valid.'],
  bad_signature: ['media_token_invalid', 'The playback token is not valid.'],
  expired: ['media_token_expired', 'The playback token has expired; ask for a new one.'],
  other_media: ['media_token_mismatch', 'The playback token is for another media.'],
} as const

/**
 * One file of a media's HLS output (`GET /api/media/:id/hls/:file?token=...`): the token is checked
 * without a database read (403 when missing, invalid, expired or for another media), only names the
 * transcoder writes are served (404 otherwise), and playlists come back with the token added to
 * every URI inside. The folder is found from the token's tenant and media ids.
 */
export const serveHlsFile = async (
  payload: Payload,
  { id, file, token, now = Date.now() }: { id: string; file: string; token: string | null; now?: number },
): Promise<Response> => {
  const check = verifyMediaToken(token, { media: id, now })
  if (!check.ok) throw new OperationError(403, ...REFUSALS[check.reason])
  const type = hlsFileType(file)
  if (!type) throw new OperationError(404, 'not_found', 'No such file in this media.')
  const { claims } = check
  const fullPath = path.join(hlsDirOf(payload, claims.tenant, claims.media), file)
  const ttl = Math.max(0, claims.exp - Math.floor(now / 1000))
  const headers = { 'content-type': type, 'cache-control': `private, max-age=${Math.min(ttl, 3600)}` }
  try {
    if (type === 'application/vnd.apple.mpegurl') {
      const playlist = withMediaToken(await readFile(fullPath, 'utf8'), token!)
      return new Response(playlist, { headers })
    }
    const { size } = await stat(fullPath)
    const body = Readable.toWeb(createReadStream(fullPath)) as ReadableStream<Uint8Array>
    return new Response(body, { headers: { ...headers, 'content-length': String(size) } })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new OperationError(404, 'not_found', 'This media has no such file (not transcoded yet?).')
    throw error
  }
}
