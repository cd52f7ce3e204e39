import type { CollectionBeforeOperationHook } from 'payload'
import { APIError } from 'payload'
import { getEnv } from '../env'
import { clientIp } from './clientIp'
import { rateLimit } from './rateLimit'

const GUARDED = new Set(['login', 'forgotPassword', 'resetPassword', 'create'])

/**
 * Per-IP rate limit on login, password-reset requests, resets and anonymous sign-ups (the site's
 * sign-up form counts against the same `signup` window), answered with 429 before any password is
 * checked. Lockout of an account after repeated failures is Payload's own
 * (`auth.maxLoginAttempts`, `auth.lockTime`).
 */
export const loginGuard: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (!GUARDED.has(operation) || req.payloadAPI === 'local') return args
  if (operation === 'create' && req.user) return args // staff adding people in the admin
  const ip = clientIp(req.headers) ?? 'unknown'
  const { allowed, retryAfterSeconds } = await rateLimit(req.payload, {
    key: `${operation === 'create' ? 'signup' : operation}:${ip}`,
    limit: getEnv().LOGIN_RATE_LIMIT_PER_MINUTE,
    windowSeconds: 60,
  })
  if (!allowed) {
    throw new APIError(
      `Too many attempts from this address. Try again in ${retryAfterSeconds} seconds.`,
      429,
      { retryAfterSeconds },
      true,
    )
  }
  return args
}
