import { cookies, headers } from 'next/headers'
import { getEnv } from '@/core/env'
import { clientIp } from '@/core/auth/clientIp'
import { rateLimit } from '@/core/auth/rateLimit'
import { payloadInstance } from './site'

const cookieName = async () => `${(await payloadInstance()).config.cookiePrefix || 'payload'}-token`

/** Stores the session token the way Payload's REST login does (HTTP-only, SameSite=Lax, Secure in production). */
export const setSessionCookie = async (token: string, exp?: number) => {
  ;(await cookies()).set(await cookieName(), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().NODE_ENV === 'production',
    path: '/',
    ...(exp ? { expires: new Date(exp * 1000) } : {}),
  })
}

export const clearSessionCookie = async () => {
  ;(await cookies()).delete(await cookieName())
}

/**
 * The per-IP limit of Payload's REST login / forgot / reset (`src/core/auth/loginGuard.ts`) applied
 * to the site's forms too: same keys, so both share one counter per address.
 */
export const withinAuthLimit = async (
  operation: 'login' | 'forgotPassword' | 'resetPassword' | 'signup',
): Promise<boolean> => {
  const ip = clientIp(await headers()) ?? 'unknown'
  const { allowed } = await rateLimit(await payloadInstance(), {
    key: `${operation}:${ip}`,
    limit: getEnv().LOGIN_RATE_LIMIT_PER_MINUTE,
    windowSeconds: 60,
  })
  return allowed
}

/** The public origin of the site's links in mail: never taken from request headers. */
export const siteOrigin = (key: string, slug: string, hostRouted: boolean): string => {
  const server = new URL(getEnv().SERVER_URL)
  if (!hostRouted) return server.origin
  const host = key === slug ? `${slug}.${getEnv().ROOT_DOMAIN}` : key
  return `${server.protocol}//${host}${server.port ? `:${server.port}` : ''}`
}
