import { createHmac, timingSafeEqual } from 'node:crypto'
import { getEnv } from '@/core'

const sign = (member: string) =>
  createHmac('sha256', `marketing-unsubscribe:${getEnv().PAYLOAD_SECRET}`).update(member).digest('base64url')

/** A token naming a member for the one-click unsubscribe link (HMAC-SHA256, no expiry, as mail lives long). */
export const unsubscribeToken = (member: string): string =>
  `${Buffer.from(member).toString('base64url')}.${sign(member)}`

/** The member a token names, or null when it is forged or malformed. */
export const verifyUnsubscribeToken = (token: string): string | null => {
  const [encoded, signature] = token.split('.')
  if (!encoded || !signature) return null
  const member = Buffer.from(encoded, 'base64url').toString('utf8')
  const expected = Buffer.from(sign(member))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? member : null
}

/** The one-click unsubscribe URL (RFC 8058: the List-Unsubscribe target, POSTed by the mail client). */
export const unsubscribeUrl = (member: string): string =>
  `${getEnv().SERVER_URL.replace(/\/$/, '')}/api/message-logs/unsubscribe?token=${encodeURIComponent(unsubscribeToken(member))}`
