import { blogPostsProvider } from './providers/blogPostsProvider'
import { classesProvider } from './providers/classesProvider'
import { coursesProvider } from './providers/coursesProvider'
import { eventsProvider } from './providers/eventsProvider'
import { staticPagesProvider } from './providers/staticPagesProvider'
import type { SitemapProvider } from './types'
// ---- pages ----
import { sitePagesProvider } from './providers/sitePagesProvider'
// ---- /pages ----

/**
 * The URL sources of a tenant's sitemap, in sitemap order. Blog posts come last; add
 * another (location pages) by passing `[...defaultSitemapProviders, provider]` to `withSitemap`.
 */
export const defaultSitemapProviders: readonly SitemapProvider[] = [
  staticPagesProvider,
  // ---- pages ----
  sitePagesProvider,
  // ---- /pages ----
  eventsProvider,
  coursesProvider,
  classesProvider,
  blogPostsProvider,
]
