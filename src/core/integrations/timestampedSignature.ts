import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The webhook signature scheme Atrium's inbound integrations share (Trackman, mail delivery events):
 * a header `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. Each caller names its header.
 */
const digest = (raw: string, secret: string, timestamp: number) =>
  createHmac('sha256', secret).update(`${timestamp}.${raw}`)

/** The header value signing `raw` with `secret` at `timestamp` (what a sender, and the tests' fakes, send). */
export const signTimestamped = (raw: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) =>
  `t=${timestamp},v1=${digest(raw, secret, timestamp).digest('hex')}`

/** Whether `header` signs exactly `raw` with `secret` (constant-time) at a time within `toleranceSeconds` of now. */
export const verifyTimestamped = (
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
  return timingSafeEqual(digest(raw, secret, timestamp).digest(), Buffer.from(parts.v1, 'hex'))
}
