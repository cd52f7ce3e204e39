import { NextResponse, type NextRequest } from 'next/server'
import { blogRedirect, parseBlogPath } from './app/(site)/blogView'
import { siteKeyForHost } from './app/(site)/siteHost'
import { viewSegments } from './app/(site)/siteView'
import { getEnv } from './core/env'

const platformHosts = (() => {
  try {
    return [new URL(process.env.SERVER_URL ?? 'http://localhost:3000').hostname.toLowerCase()]
  } catch {
    return []
  }
})()

/** Files at the root of the platform's own host that are not a tenant's site. */
const PLATFORM_FILES = new Set(['/robots.txt', '/sitemap.xml'])

/**
 * The path a GET of a cached site page is served from (`/<site>/<page>`): the query parameters
 * the page shows move into the path (`src/app/(site)/siteView.ts`), others are dropped, so each
 * view is one cache entry. Null for any other request.
 */
const cachedPagePath = (pathname: string, query: URLSearchParams): string | null => {
  const [site, page, ...rest] = pathname.split('/').filter(Boolean)
  // Blog lists carry their filters in the path (`blogView.ts`): any query is dropped.
  if (site && page === 'blog') return parseBlogPath(`/${[page, ...rest].join('/')}`) ? pathname : null
  if (!site || rest.length > 0) return null
  if (!page) {
    const checkout = query.get('checkout') // Stripe Checkout returns to the home page
    return checkout === 'success' || checkout === 'canceled' ? `/${site}/checkout/${checkout}` : `/${site}`
  }
  if (page === 'schedule' || page === 'pricing') return ['', site, page, ...viewSegments(page, query)].join('/')
  if (page === 'events' || page === 'appointments') return `/${site}/${page}`
  return null
}

/**
 * Tenant websites by host: `<slug>.<ROOT_DOMAIN>/x` and a tenant's own domain `/x` are rewritten to
 * `/<host>/x` that `src/app/(site)/[tenant]` serves (a dotted key: links then omit the slug); the
 * path form `/<slug>/x` keeps working on the platform's own host (localhost). Cached site pages
 * get their query in the path; blog lists asked for in the query form are redirected (308) to
 * their path form (`src/app/(site)/blogView.ts`). Admin, API and Next's assets are never rewritten; `/robots.txt` and
 * `/sitemap.xml` are the tenant's on a tenant host and the platform's (public/) on its own host.
 * A body declared larger than `JSON_BODY_LIMIT` (a server action of the site; the assignment
 * hand-in route: `UPLOAD_FILE_LIMIT` + 1 MB) is refused with 413 before it is read; one without a length is counted by Next's server-action reader (next.config.mjs).
 */
export function proxy(request: NextRequest) {
  const declared = request.headers.get('content-length')
  // lms_uploads: the site's assignment hand-in (`/…/hand-in`, multipart) takes files up to UPLOAD_FILE_LIMIT
  const limit =
    request.method === 'POST' && request.nextUrl.pathname.endsWith('/hand-in')
      ? getEnv().UPLOAD_FILE_LIMIT + 1024 ** 2
      : getEnv().JSON_BODY_LIMIT
  // end lms_uploads
  if (declared !== null && Number(declared) > limit) {
    return NextResponse.json(
      { error: 'body_too_large', message: 'The request body is too large.', limit },
      { status: 413, headers: { connection: 'close' } },
    )
  }
  const root = (process.env.ROOT_DOMAIN || 'localhost').trim().toLowerCase()
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? ''
  const key = siteKeyForHost(host, root, platformHosts)
  // The platform's own /robots.txt is public/robots.txt; a tenant host's is its site's (robots.txt/route.ts).
  if (!key && PLATFORM_FILES.has(request.nextUrl.pathname)) return NextResponse.next()
  const url = request.nextUrl.clone()
  const reading = request.method === 'GET' || request.method === 'HEAD'
  // A blog list asked for in the query form (`/blog?topic=&page=`) moves to its path form (308).
  const [first, ...after] = url.pathname.split('/').filter(Boolean)
  const moved =
    reading && (key || first) ? blogRedirect(key ? url.pathname : `/${after.join('/')}`, url.searchParams) : null
  if (moved) {
    const target = request.nextUrl.clone()
    target.pathname = `${key ? '' : `/${first}`}${moved.path}`
    target.search = moved.search ? `?${moved.search}` : ''
    return NextResponse.redirect(target, 308)
  }
  let pathname = url.pathname
  if (key) pathname = `/${key.includes('.') ? key : `${key}.${root}`}${pathname === '/' ? '' : pathname}`
  const cached = reading ? cachedPagePath(pathname, url.searchParams) : null
  if (!key && !cached) return NextResponse.next()
  url.pathname = cached ?? pathname
  if (cached) {
    const rsc = url.searchParams.get('_rsc') // Next's own cache-busting parameter of RSC requests
    url.search = rsc ? `?_rsc=${encodeURIComponent(rsc)}` : ''
  }
  return NextResponse.rewrite(url)
}

export const config = {
  matcher: ['/((?!api|admin|_next|favicon\\.ico).*)'],
}
