import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header a mail provider's delivery event is signed in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const EMAIL_EVENTS_SIGNATURE_HEADER = 'x-atrium-signature'

/** The header value signing `raw` with `secret` at `timestamp` (what a provider relay, and the tests, send). */
export const signEmailEvents = (raw: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) =>
  `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`

/** Whether `header` signs exactly `raw` with `secret` (constant-time) at a time within `toleranceSeconds` of now. */
export const verifyEmailEventsSignature = (
  raw: string,
  header: string | null,
  secret: string,
  { toleranceSeconds = 300, now = Date.now() }: { toleranceSeconds?: number; now?: number } = {},
): boolean => {
  if (!header) return false
  const parts = Object.fromEntries(
    header.split(',').map((part) => {
      const at = part.indexOf('=')
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()]
    }),
  )
  const timestamp = Number(parts.t)
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false
  if (!/^[0-9a-f]{64}$/i.test(parts.v1 ?? '')) return false
  return timingSafeEqual(
    createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest(),
    Buffer.from(parts.v1, 'hex'),
  )
}

/**
 * Twilio's request signature (`X-Twilio-Signature`): base64 HMAC-SHA1, keyed with the auth token,
 * of the full URL Twilio called followed by every POST parameter's name and value, sorted by name.
 */
export const twilioSignature = (authToken: string, url: string, params: Iterable<[string, string]>) => {
  const sorted = [...params].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
  return createHmac('sha1', authToken)
    .update(url + sorted.map(([k, v]) => k + v).join(''))
    .digest('base64')
}

/** Whether `header` is Twilio's signature of this request for one of the URLs it may have been sent to. */
export const verifyTwilioSignature = (
  authToken: string,
  urls: string[],
  params: [string, string][],
  header: string | null,
): boolean => {
  if (!header) return false
  const given = Buffer.from(header)
  return urls.some((url) => {
    const expected = Buffer.from(twilioSignature(authToken, url, params))
    return expected.length === given.length && timingSafeEqual(expected, given)
  })
}
