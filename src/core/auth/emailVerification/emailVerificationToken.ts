import { hkdfSync } from 'node:crypto'
import { z } from 'zod'
import { getEnv } from '../../env'
import { signTimestamped, verifyTimestamped } from '../../integrations/timestampedSignature'

/** What a verification link says: this account (`user`) owns this address (`email`) until `exp` (Unix seconds). */
export type EmailVerificationClaims = { user: string; email: string; exp: number }

/** How long a verification link works. */
export const EMAIL_VERIFICATION_TTL_SECONDS = 48 * 3600

export type EmailVerificationCheck =
  | { ok: true; claims: EmailVerificationClaims }
  | { ok: false; reason: 'invalid' | 'expired' }

let cached: { secret: string; key: string } | undefined

/** The links' key: derived from PAYLOAD_SECRET with HKDF under its own label (never the secret itself). */
const linkKey = (): string => {
  const secret = getEnv().PAYLOAD_SECRET
  if (cached?.secret !== secret)
    cached = {
      secret,
      key: Buffer.from(hkdfSync('sha256', secret, 'atrium', 'email-verification-link', 32)).toString('hex'),
    }
  return cached.key
}

const claimsSchema = z.object({
  user: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  email: z.string().min(3).max(254),
  exp: z.number().int(),
})

/**
 * The token of an e-mail verification link: `base64url(claims).<t>.<v1>`, where `t`/`v1` are the
 * kernel's timestamped HMAC-SHA256 signature (`signTimestamped`, the inbound-webhook scheme) of the
 * encoded claims under a key derived from PAYLOAD_SECRET. Nothing is stored: the token is checked
 * with `verifyEmailVerificationToken` and the address in it must still be the account's.
 */
export const signEmailVerificationToken = ({
  user,
  email,
  ttlSeconds = EMAIL_VERIFICATION_TTL_SECONDS,
  now = Date.now(),
}: {
  user: string
  email: string
  ttlSeconds?: number
  now?: number
}): string => {
  const issuedAt = Math.floor(now / 1000)
  const claims: EmailVerificationClaims = { user, email, exp: issuedAt + ttlSeconds }
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  const signature = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signTimestamped(payload, linkKey(), issuedAt))
  if (!signature) throw new Error('signEmailVerificationToken: unexpected signature shape')
  return `${payload}.${signature[1]}.${signature[2]}`
}

/**
 * Checks a verification token with no database read: the signature (constant-time, through
 * `verifyTimestamped`; the link's age is judged by the signed `exp`, not by the signature's
 * tolerance), the claims, then the expiry. A tampered token is `invalid`, an old one `expired`.
 */
export const verifyEmailVerificationToken = (
  token: string | null | undefined,
  { now = Date.now() }: { now?: number } = {},
): EmailVerificationCheck => {
  if (!token || token.length > 2048) return { ok: false, reason: 'invalid' }
  const [payload, issuedAt, digest, ...rest] = token.split('.')
  if (!payload || !issuedAt || !digest || rest.length > 0) return { ok: false, reason: 'invalid' }
  const signed = verifyTimestamped(payload, `t=${issuedAt},v1=${digest}`, linkKey(), {
    toleranceSeconds: Number.POSITIVE_INFINITY,
    now,
  })
  if (!signed) return { ok: false, reason: 'invalid' }
  let claims: EmailVerificationClaims
  try {
    claims = claimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')))
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' }
  return { ok: true, claims }
}
