import { createHmac, timingSafeEqual } from 'node:crypto'

export const HUBSPOT_SIGNATURE_HEADER = 'x-hubspot-signature-v3'
export const HUBSPOT_TIMESTAMP_HEADER = 'x-hubspot-request-timestamp'

/** The characters HubSpot decodes in the URI before signing (its v3 documentation). */
const DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
}
const decodeUri = (uri: string) =>
  uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()] ?? m)

/** The v3 signature: base64 HMAC-SHA256, with the app's client secret, of method + URI + body + timestamp. */
export const signHubspotRequest = (input: {
  method: string
  uri: string
  body: string
  timestamp: number | string
  clientSecret: string
}) =>
  createHmac('sha256', input.clientSecret)
    .update(`${input.method.toUpperCase()}${decodeUri(input.uri)}${input.body}${input.timestamp}`)
    .digest('base64')

/**
 * Whether `signature` is HubSpot's v3 signature of this request (constant-time compare) and its
 * timestamp (ms) is within `toleranceMs` of `now` (HubSpot: refuse anything older than 5 minutes).
 */
export const verifyHubspotSignature = (input: {
  method: string
  uri: string
  body: string
  signature: string | null
  timestamp: string | null
  clientSecret: string
  toleranceMs: number
  now?: number
}): boolean => {
  if (!input.signature || !input.timestamp || !/^\d{10,16}$/.test(input.timestamp)) return false
  const at = Number(input.timestamp)
  if (Math.abs((input.now ?? Date.now()) - at) > input.toleranceMs) return false
  const expected = Buffer.from(signHubspotRequest({ ...input, timestamp: input.timestamp }), 'base64')
  const given = Buffer.from(input.signature, 'base64')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
