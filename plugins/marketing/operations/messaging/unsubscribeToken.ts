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

// ---- Lead recipients ----
// A lead's token is signed under its own key, so a member's token can never name a lead (or the reverse).
const signLead = (lead: string) =>
  createHmac('sha256', `marketing-unsubscribe-lead:${getEnv().PAYLOAD_SECRET}`).update(lead).digest('base64url')

/** A token naming a lead for its one-click unsubscribe link (HMAC-SHA256, no expiry). */
export const leadUnsubscribeToken = (lead: string): string =>
  `${Buffer.from(lead).toString('base64url')}.${signLead(lead)}`

/** The lead a token names, or null when it is forged or malformed. */
export const verifyLeadUnsubscribeToken = (token: string): string | null => {
  const [encoded, signature] = token.split('.')
  if (!encoded || !signature) return null
  const lead = Buffer.from(encoded, 'base64url').toString('utf8')
  const expected = Buffer.from(signLead(lead))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? lead : null
}

/** The lead's one-click unsubscribe URL (RFC 8058 List-Unsubscribe target). */
export const leadUnsubscribeUrl = (lead: string): string =>
  `${getEnv().SERVER_URL.replace(/\/$/, '')}/api/message-logs/unsubscribe-lead?token=${encodeURIComponent(leadUnsubscribeToken(lead))}`
// ---- /Lead recipients ----
