import { createHash, createHmac, hkdfSync } from 'node:crypto'
import { getEnv } from '@/core'

export type GuestBookingCollection = 'event-rsvps' | 'appointments'

let cached: { secret: string; key: Buffer } | undefined
const linkKey = (): Buffer => {
  const secret = getEnv().PAYLOAD_SECRET
  if (cached?.secret !== secret)
    cached = { secret, key: Buffer.from(hkdfSync('sha256', secret, 'atrium', 'guest-cancel-links', 32)) }
  return cached.key
}

/**
 * The cancel-link token of a guest booking: HMAC-SHA256 of the row (collection + id) under a key
 * derived from PAYLOAD_SECRET, base64url (43 characters). Unguessable without the secret; the
 * database keeps only its sha256 (`cancel_token_hash`), and the mail job derives it again from the
 * row id, so the token itself is never stored (not even in the job's input).
 */
export const guestCancelToken = (collection: GuestBookingCollection, id: string): string =>
  createHmac('sha256', linkKey()).update(`${collection}:${id}`, 'utf8').digest('base64url')

/** sha256 of a cancel token, hex: the only form stored. */
export const hashGuestCancelToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex')

/** The public cancel link a guest receives by mail. */
export const guestCancelUrl = (token: string): string =>
  `${getEnv().SERVER_URL.replace(/\/$/, '')}/api/guest-bookings/cancel/${token}`
