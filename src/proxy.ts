import { NextResponse, type NextRequest } from 'next/server'
import { SITE_HOST_HEADER, siteKeyForHost } from './app/(site)/siteHost'
import { getEnv } from './core/env'

const platformHosts = (() => {
  try {
    return [new URL(process.env.SERVER_URL ?? 'http://localhost:3000').hostname.toLowerCase()]
  } catch {
    return []
  }
})()

/**
 * Tenant websites by host: `<slug>.<ROOT_DOMAIN>/x` and a tenant's own domain `/x` are rewritten to
 * the path form `/<slug-or-domain>/x` that `src/app/(site)/[tenant]` serves; the path form keeps
 * working on the platform's own host (localhost). Admin, API and Next's assets are never rewritten.
 * A body declared larger than `JSON_BODY_LIMIT` (a server action of the site) is refused with 413
 * before it is read; one without a length is counted by Next's server-action reader (next.config.mjs).
 */
export function proxy(request: NextRequest) {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > getEnv().JSON_BODY_LIMIT) {
    return NextResponse.json(
      { error: 'body_too_large', message: 'The request body is too large.', limit: getEnv().JSON_BODY_LIMIT },
      { status: 413, headers: { connection: 'close' } },
    )
  }
  const headers = new Headers(request.headers)
  headers.delete(SITE_HOST_HEADER) // only this proxy may set it
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? ''
  const key = siteKeyForHost(host, process.env.ROOT_DOMAIN || 'localhost', platformHosts)
  if (!key) return NextResponse.next({ request: { headers } })
  headers.set(SITE_HOST_HEADER, key)
  const url = request.nextUrl.clone()
  url.pathname = `/${key}${url.pathname === '/' ? '' : url.pathname}`
  return NextResponse.rewrite(url, { request: { headers } })
}

export const config = {
  matcher: ['/((?!api|admin|_next|favicon\\.ico|robots\\.txt|sitemap\\.xml).*)'],
}
