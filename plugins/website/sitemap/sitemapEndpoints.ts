import type { Endpoint, PayloadRequest } from 'payload'
import { endpointHandler, OperationError } from '@/core'
import { planSitemap, sitemapFileXml, sitemapIndexXml, streamOf } from './buildSitemap'
import { defaultSitemapProviders } from './defaultSitemapProviders'
import { robotsTxt } from './robotsTxt'
import { sitemapContext } from './sitemapContext'
import type { SitemapProvider } from './types'

const CACHE = 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400'

const query = (req: PayloadRequest) => new URL(req.url ?? 'http://x/').searchParams

const contextOf = async (req: PayloadRequest) => {
  const ctx = await sitemapContext(req.payload, (query(req).get('tenant') ?? '').toLowerCase())
  if (!ctx) throw new OperationError(404, 'not_found', 'No public site for this tenant.')
  return ctx
}

/**
 * The public endpoints the site's `robots.txt`, `sitemap.xml` and `sitemaps/<n>.xml` routes
 * serve (invoked in-process by `src/app/(site)/[tenant]/_lib/seoFiles.ts`):
 * - `GET /api/website/robots?tenant=<slug>&prefix=<''|/slug>`: text/plain;
 * - `GET /api/website/sitemap?tenant=<slug>`: the sitemap index;
 * - `GET /api/website/sitemap?tenant=<slug>&file=<n>`: sitemap file n (1-based), ≤ 50,000 URLs.
 * XML is streamed as rows are read (no transaction: a stream outlives the handler).
 */
export const sitemapEndpoints = (providers: readonly SitemapProvider[] = defaultSitemapProviders): Endpoint[] => [
  {
    path: '/website/robots',
    method: 'get',
    handler: endpointHandler(
      async (req) => {
        const ctx = await contextOf(req)
        const prefix = query(req).get('prefix') === `/${ctx.tenant.slug}` ? `/${ctx.tenant.slug}` : ''
        return new Response(robotsTxt({ prefix, sitemapUrl: `${ctx.origin}/sitemap.xml` }), {
          headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': CACHE },
        })
      },
      { transaction: false },
    ),
  },
  {
    path: '/website/sitemap',
    method: 'get',
    handler: endpointHandler(
      async (req) => {
        const ctx = await contextOf(req)
        const fileParam = query(req).get('file')
        const plan = await planSitemap(ctx, providers)
        let chunks: AsyncGenerator<string>
        if (fileParam === null) chunks = sitemapIndexXml(ctx, plan)
        else {
          const n = /^[1-9]\d{0,6}$/.test(fileParam) ? Number(fileParam) : 0
          if (n < 1 || n > plan.files) throw new OperationError(404, 'not_found', 'No such sitemap file.')
          chunks = sitemapFileXml(ctx, plan, n)
        }
        return new Response(streamOf(chunks), {
          headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': CACHE },
        })
      },
      { transaction: false },
    ),
  },
]
