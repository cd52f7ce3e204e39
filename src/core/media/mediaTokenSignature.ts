import { createHmac, hkdfSync } from 'node:crypto'
import { getEnv } from '../env'

let cached: { secret: string; key: Buffer } | undefined

/** The key of media tokens: derived from PAYLOAD_SECRET with HKDF under its own label. */
const mediaTokenKey = (): Buffer => {
  const secret = getEnv().PAYLOAD_SECRET
  if (cached?.secret !== secret)
    cached = { secret, key: Buffer.from(hkdfSync('sha256', secret, 'atrium', 'media-delivery-token', 32)) }
  return cached.key
}

/** HMAC-SHA256 of a media token's payload, base64url. */
export const mediaTokenSignature = (payload: string): string =>
  createHmac('sha256', mediaTokenKey()).update(payload).digest('base64url')
