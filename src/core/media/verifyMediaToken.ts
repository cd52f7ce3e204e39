import { timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { mediaTokenSignature } from './mediaTokenSignature'
import type { MediaTokenClaims } from './signMediaToken'

export type MediaTokenCheck =
  | { ok: true; claims: MediaTokenClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'other_media' }

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/
const claimsSchema = z.object({
  media: z.string().regex(SAFE_ID),
  tenant: z.string().regex(SAFE_ID),
  subject: z.string().max(200),
  exp: z.number().int(),
})

/**
 * Checks a token from `signMediaToken` with no database read: signature (HMAC-SHA256, compared in
 * constant time), claims, expiry, and, when `media` is given, that it is the token's media.
 */
export const verifyMediaToken = (
  token: string | null | undefined,
  { media, now = Date.now() }: { media?: string; now?: number } = {},
): MediaTokenCheck => {
  if (!token) return { ok: false, reason: 'missing' }
  const dot = token.indexOf('.')
  if (dot <= 0 || token.length > 2048) return { ok: false, reason: 'malformed' }
  const payload = token.slice(0, dot)
  const given = Buffer.from(token.slice(dot + 1), 'base64url')
  const expected = Buffer.from(mediaTokenSignature(payload), 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' }
  let claims: MediaTokenClaims
  try {
    claims = claimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' }
  if (media !== undefined && claims.media !== media) return { ok: false, reason: 'other_media' }
  return { ok: true, claims }
}
