import type { Config } from 'payload'
import { defaultSitemapProviders } from './defaultSitemapProviders'
import { sitemapEndpoints } from './sitemapEndpoints'
import type { SitemapProvider } from './types'

/**
 * Adds the robots.txt and sitemap endpoints to a config (the website plugin applies it):
 * `withSitemap(config, [...defaultSitemapProviders, locationsProvider])`.
 */
export const withSitemap = (
  config: Config,
  providers: readonly SitemapProvider[] = defaultSitemapProviders,
): Config => ({
  ...config,
  endpoints: [...(config.endpoints ?? []), ...sitemapEndpoints(providers)],
})
