import type { Endpoint, PayloadRequest } from 'payload'
import { endpointHandler, OperationError } from '@/core'
import { blogListQuery } from '../contract'
import { sitemapContext } from '../sitemap/sitemapContext'
import { blogRssXml } from './blogRssXml'
import { readBlogList } from './readBlogList'

/** Posts in the feed. */
export const RSS_ITEMS = 20

const FEED_CACHE = 'public, max-age=300, s-maxage=900, stale-while-revalidate=86400'

const searchOf = (req: PayloadRequest) => new URL(req.url ?? 'http://x/').searchParams

const siteOf = async (req: PayloadRequest) => {
  const ctx = await sitemapContext(req.payload, (searchOf(req).get('tenant') ?? '').toLowerCase())
  if (!ctx) throw new OperationError(404, 'not_found', 'No public site for this tenant.')
  return ctx
}

/** The site's name: its branding's platform name, else the tenant's name (both public). */
const siteName = async (req: PayloadRequest, tenant: string): Promise<string> => {
  const [settings, tenants] = await Promise.all([
    req.payload.find({
      collection: 'tenant-settings',
      where: { tenant: { equals: tenant } },
      limit: 1,
      depth: 0,
      select: { branding: { platformName: true } },
      overrideAccess: false,
      req,
    }),
    req.payload.find({
      collection: 'tenants',
      where: { id: { equals: tenant } },
      limit: 1,
      depth: 0,
      select: { name: true },
      overrideAccess: false,
      req,
    }),
  ])
  return settings.docs[0]?.branding?.platformName || tenants.docs[0]?.name || 'Blog'
}

/**
 * The tenant site's blog, public (the site calls them in-process; drafts never show):
 * - `GET /api/website/blog?tenant=<slug>[&page=N][&limit=N][&topic=<id>][&author=<id>]`: a page
 *   of published posts, newest first, with the topics and authors to filter by (`BlogListReply`);
 * - `GET /api/website/blog/rss?tenant=<slug>[&prefix=/<slug>]`: RSS 2.0 of the latest 20, every
 *   link absolute on the site's canonical origin.
 */
export const blogEndpoints = (): Endpoint[] => [
  {
    path: '/website/blog',
    method: 'get',
    handler: endpointHandler(
      async (req) => {
        const ctx = await siteOf(req)
        const query = blogListQuery.parse({ ...Object.fromEntries(searchOf(req)), tenant: ctx.tenant.slug })
        return readBlogList(req, ctx.tenant.id, query)
      },
      { transaction: false },
    ),
  },
  {
    path: '/website/blog/rss',
    method: 'get',
    handler: endpointHandler(
      async (req) => {
        const ctx = await siteOf(req)
        const [list, name] = await Promise.all([
          readBlogList(req, ctx.tenant.id, { tenant: ctx.tenant.slug, limit: RSS_ITEMS }),
          siteName(req, ctx.tenant.id),
        ])
        const xml = blogRssXml({
          title: `${name} blog`,
          description: `News, guides and stories from ${name}.`,
          origin: ctx.origin,
          blogPath: '/blog',
          feedPath: '/blog/rss.xml',
          items: list.posts.map((post) => ({
            title: post.title,
            path: `/blog/${encodeURIComponent(post.slug)}`,
            description: post.excerpt,
            publishedAt: post.publishedAt ?? post.updatedAt,
            author: post.author?.name ?? null,
            category: post.topic?.name ?? null,
          })),
        })
        return new Response(xml, {
          headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': FEED_CACHE },
        })
      },
      { transaction: false },
    ),
  },
]
