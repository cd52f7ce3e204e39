import { hasCollection } from '@/core'
import type { SitemapContext, SitemapEntry, SitemapProvider } from '../types'

/** Pages and locations: a tenant has a handful, read once per request (memo). */
const MAX = 1000

const entries = async (ctx: SitemapContext): Promise<SitemapEntry[]> => {
  const cached = ctx.memo.get('site-pages') as SitemapEntry[] | undefined
  if (cached) return cached
  const { payload } = ctx
  const tenant = { tenant: { equals: ctx.tenant.id } }
  const list: SitemapEntry[] = []
  if (hasCollection(payload, 'pages')) {
    const pages = await payload.find({
      collection: 'pages',
      where: { and: [tenant, { _status: { equals: 'published' } }] },
      sort: 'slug',
      limit: MAX,
      depth: 0,
      overrideAccess: false,
      select: { slug: true, updatedAt: true },
    })
    for (const page of pages.docs) list.push({ path: `/${encodeURIComponent(page.slug)}`, lastmod: page.updatedAt })
  }
  const locations = await payload.find({
    collection: 'locations',
    where: { and: [tenant, { isActive: { not_equals: false } }] },
    sort: 'slug',
    limit: MAX,
    depth: 0,
    overrideAccess: false,
    select: { slug: true, updatedAt: true },
  })
  for (const location of locations.docs)
    if (location.slug)
      list.push({ path: `/locations/${encodeURIComponent(location.slug)}`, lastmod: location.updatedAt })
  ctx.memo.set('site-pages', list)
  return list
}

/** The tenant's published pages (`/<page slug>`) and its active locations' pages (`/locations/<slug>`). */
export const sitePagesProvider: SitemapProvider = {
  name: 'site-pages',
  count: async (ctx) => (await entries(ctx)).length,
  page: async (ctx, offset, limit) => (await entries(ctx)).slice(offset, offset + limit),
}
