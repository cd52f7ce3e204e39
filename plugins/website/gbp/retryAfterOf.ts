/** The longest wait a Retry-After is taken at (a day); a longer one is cut to it. */
const MAX_WAIT_MS = 86_400_000

/**
 * When a `Retry-After` header (RFC 9110: delay-seconds, or an HTTP date) lets the next request go,
 * as an instant after `now`; null when absent, unreadable, or already past.
 */
export const retryAfterOf = (header: string | null | undefined, now = new Date()): Date | null => {
  const raw = header?.trim()
  if (!raw) return null
  let at: number
  if (/^\d+$/.test(raw)) at = now.getTime() + Number(raw) * 1000
  else {
    const parsed = Date.parse(raw)
    if (!Number.isFinite(parsed)) return null
    at = parsed
  }
  if (at <= now.getTime()) return null
  return new Date(Math.min(at, now.getTime() + MAX_WAIT_MS))
}
