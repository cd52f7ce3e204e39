import { idOf } from '../access/idOf'
import { mediaTokenSignature } from './mediaTokenSignature'

/** What a media token says: this media (of this tenant) may be streamed by this subject until `exp` (Unix seconds). */
export type MediaTokenClaims = { media: string; tenant: string; subject: string; exp: number }

/** The longest a token may live: players ask again for a new one. */
export const MAX_MEDIA_TOKEN_TTL_SECONDS = 24 * 3600

/**
 * A short-lived token that lets a player fetch one media's HLS playlists, segments and poster
 * (`GET /api/media/:id/hls/:file?token=...`): `base64url(claims).base64url(HMAC-SHA256)`, verified
 * without a database read (`verifyMediaToken`). The caller decides who may have one (lms signs
 * after its access decision); `subject` is that person (member id). `ttlSeconds`: 1 s to 24 h.
 */
export const signMediaToken = ({
  media,
  subject,
  ttlSeconds,
  now = Date.now(),
}: {
  media: { id: unknown; tenant?: unknown }
  subject: string
  ttlSeconds: number
  now?: number
}): string => {
  const id = idOf(media.id)
  const tenant = idOf(media.tenant)
  if (!id || !tenant) throw new Error('signMediaToken needs the media id and its tenant')
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_MEDIA_TOKEN_TTL_SECONDS)
    throw new Error(`signMediaToken: ttlSeconds must be a whole number from 1 to ${MAX_MEDIA_TOKEN_TTL_SECONDS}`)
  const claims: MediaTokenClaims = { media: id, tenant, subject, exp: Math.floor(now / 1000) + ttlSeconds }
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${payload}.${mediaTokenSignature(payload)}`
}
