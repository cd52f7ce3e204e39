import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header a mail provider's delivery event is signed in, with the kernel's timestamped HMAC scheme (`signTimestamped`). */
export const EMAIL_EVENTS_SIGNATURE_HEADER = 'x-atrium-signature'

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
