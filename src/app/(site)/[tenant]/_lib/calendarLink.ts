import { cookies } from 'next/headers'
import { getEnv } from '@/core/env'

/**
 * The member's private iCal feed URL is shown once, right after it is issued (only its hash is
 * stored): the action keeps it in a short-lived HTTP-only cookie that the account page reads.
 */
const NAME = 'atrium-calendar-link'
const TEN_MINUTES = 600

export const rememberCalendarLink = async (tenant: string, url: string) => {
  ;(await cookies()).set(NAME, JSON.stringify({ tenant, url }), {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().NODE_ENV === 'production',
    path: '/',
    maxAge: TEN_MINUTES,
  })
}

export const forgetCalendarLink = async () => {
  ;(await cookies()).delete(NAME)
}

/** The feed URL issued for this tenant in the last few minutes, or null. */
export const recentCalendarLink = async (tenant: string): Promise<string | null> => {
  const raw = (await cookies()).get(NAME)?.value
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as { tenant?: unknown; url?: unknown }
    return value.tenant === tenant && typeof value.url === 'string' && /^https?:\/\//.test(value.url) ? value.url : null
  } catch {
    return null
  }
}
