import { hasCollection } from '@/core'
import { coursesProvider } from './coursesProvider'
import { websitePages } from './websitePages'
import type { SitemapContext, SitemapEntry, SitemapProvider } from '../types'

/**
 * The site's fixed public pages that its installed plugins serve: home, schedule, events,
 * pricing, appointments, and courses when the tenant publishes any. Their lastmod is the last
 * change of the tenant's settings or locations (what those pages show besides live data). Then
 * the blog, FAQ and gallery pages when they have content (their own lastmod, `websitePages`).
 */
const entries = async (ctx: SitemapContext): Promise<SitemapEntry[]> => {
  const cached = ctx.memo.get('static') as SitemapEntry[] | undefined
  if (cached) return cached
  const { payload } = ctx
  const tenant = { tenant: { equals: ctx.tenant.id } }
  const [settings, locations] = await Promise.all([
    payload.find({
      collection: 'tenant-settings',
      where: tenant,
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      overrideAccess: false,
      select: { updatedAt: true },
    }),
    payload.find({
      collection: 'locations',
      where: tenant,
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      overrideAccess: false,
      select: { updatedAt: true },
    }),
  ])
  const lastmod =
    [settings.docs[0]?.updatedAt, locations.docs[0]?.updatedAt]
      .filter((d): d is string => Boolean(d))
      .sort()
      .pop() ?? null
  const paths = [
    '',
    ...(hasCollection(payload, 'classes') ? ['/schedule'] : []),
    ...(hasCollection(payload, 'events') ? ['/events'] : []),
    ...(hasCollection(payload, 'membership-plans') || hasCollection(payload, 'products') ? ['/pricing'] : []),
    ...(hasCollection(payload, 'appointment-services') ? ['/appointments'] : []),
    ...((await coursesProvider.count(ctx)) > 0 ? ['/courses'] : []),
  ]
  const list = [...paths.map((path) => ({ path, lastmod })), ...(await websitePages(ctx))]
  ctx.memo.set('static', list)
  return list
}

export const staticPagesProvider: SitemapProvider = {
  name: 'pages',
  count: async (ctx) => (await entries(ctx)).length,
  page: async (ctx, offset, limit) => (await entries(ctx)).slice(offset, offset + limit),
}
