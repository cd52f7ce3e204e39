import { NextResponse, type NextRequest } from 'next/server'
import { SITE_HOST_HEADER, siteKeyForHost } from './app/(site)/siteHost'

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
 */
export function proxy(request: NextRequest) {
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
