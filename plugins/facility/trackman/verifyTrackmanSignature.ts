import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header a Trackman webhook is signed in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const TRACKMAN_SIGNATURE_HEADER = 'x-trackman-signature'

/** The signature header of `raw` signed with `secret` at `timestamp` (unix seconds), as Trackman (and the tests' fake) sends it. */
export const signTrackmanPayload = (raw: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) =>
  `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`

/**
 * Whether `header` signs exactly `raw` with `secret` (constant-time compare) at a timestamp within
 * `toleranceSeconds` of `now`.
 */
export const verifyTrackmanSignature = (
  raw: string,
  header: string | null,
  secret: string,
  { toleranceSeconds, now = Date.now() }: { toleranceSeconds: number; now?: number },
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
  const expected = createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest()
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'))
}
