import type { Endpoint } from 'payload'
import { endpointHandler } from '../../http/endpointHandler'
import { clientIp } from '../clientIp'
import { rateLimit } from '../rateLimit'
import { getEnv } from '../../env'
import { OperationError } from '../../http/OperationError'
import { requestEmailVerification } from './requestEmailVerification'
import { verifyEmail } from './verifyEmail'

/** `POST /api/users/verify-email/request` (signed in): 202 `{ queued, to }`; 409 `already_verified`; 429. */
export const requestEmailVerificationEndpoint: Endpoint = {
  path: '/verify-email/request',
  method: 'post',
  handler: endpointHandler(requestEmailVerification, { status: 202, requireUser: true }),
}

/** `POST /api/users/verify-email { token }`: 200 `{ verified, emailVerifiedAt, alreadyVerified }`; 400 `invalid_token` / `expired_token`; 429. */
export const verifyEmailEndpoint: Endpoint = {
  path: '/verify-email',
  method: 'post',
  handler: endpointHandler(async (req, body) => {
    const { allowed, retryAfterSeconds } = await rateLimit(req.payload, {
      key: `verifyEmail:${clientIp(req.headers) ?? 'unknown'}`,
      limit: getEnv().LOGIN_RATE_LIMIT_PER_MINUTE,
      windowSeconds: 60,
    })
    if (!allowed)
      throw new OperationError(429, 'rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`)
    return verifyEmail(req, body)
  }),
}
