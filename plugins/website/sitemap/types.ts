import type { Payload } from 'payload'

/** The tenant a sitemap is built for, with everything its providers read. */
export type SitemapContext = {
  payload: Payload
  tenant: { id: string; slug: string }
  /** Canonical base URL of the tenant's site (own domain, else `SERVER_URL/<slug>`), no trailing slash. */
  origin: string
  /** One instant for the whole request, so `count` and `page` agree on "upcoming". */
  now: Date
  /** Per-request scratch space of providers (keyset cursors, memoised lists). */
  memo: Map<string, unknown>
}

/** One `<url>`: a path under the site's origin (`''` is the home page) and when it last changed. */
export type SitemapEntry = { path: string; lastmod?: Date | string | null }

/**
 * A source of a tenant's public URLs. `page` is called with increasing offsets (0, limit, 2·limit…)
 * within one sitemap file, and must return the same order for the same tenant and `now`.
 */
export type SitemapProvider = {
  name: string
  count: (ctx: SitemapContext) => Promise<number>
  page: (ctx: SitemapContext, offset: number, limit: number) => Promise<SitemapEntry[]>
}
