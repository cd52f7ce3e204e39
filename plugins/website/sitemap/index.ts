/** Per-tenant robots.txt and streamed sitemaps (server code: the website plugin's index.ts applies `withSitemap`). */
export { withSitemap } from './withSitemap'
export { sitemapEndpoints } from './sitemapEndpoints'
export { defaultSitemapProviders } from './defaultSitemapProviders'
export {
  MAX_URLS_PER_SITEMAP,
  planSitemap,
  sitemapFileUrl,
  sitemapFileXml,
  sitemapIndexXml,
  streamOf,
} from './buildSitemap'
export { sitemapContext } from './sitemapContext'
export { robotsTxt } from './robotsTxt'
export { benchSitemap, type SitemapBenchResult } from './benchSitemap'
export { seedSitemapRows } from './seedSitemapRows'
export type { SitemapContext, SitemapEntry, SitemapProvider } from './types'
