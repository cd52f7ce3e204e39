import type { Plugin } from 'payload'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { withSqlTables } from '@/core'
import { BlogPosts } from './collections/BlogPosts'
import { Faqs } from './collections/Faqs'
import { withForms } from './collections/Forms/withForms'
import { GalleryItems } from './collections/GalleryItems'
import { SeoSubscriptions } from './collections/SeoSubscriptions'
import { SeoTopics } from './collections/SeoTopics'
import { defaultOptions } from './defaults'
import { withWebsiteEvents } from './events'
import { plainSeoFields } from './fields/plainSeoFields'
import { websiteSettingsField } from './fields/websiteSettingsField'
import { writeBlogDraftsTask } from './jobs/writeBlogDraftsTask'
import { websiteSqlTables } from './operations/sql/websiteSqlTables'
import { blogEndpoints } from './blog/blogEndpoints'
import { offerEndpoint } from './offers/offerEndpoint'
import { blogSqlTables } from './blog/blogSqlTables'
import { withSitemap } from './sitemap'
import type { WebsiteOptions } from './types'
// ---- pages ----
import { Pages } from './collections/Pages'
import { withLocationPages } from './locations/withLocationPages'
import { livePreviewOf } from './collections/shared/livePreview'
// ---- /pages ----
// ---- gbp ----
import { withGbp } from './gbp/withGbp'
// ---- /gbp ----

export type { WebsiteOptions } from './types'

/** Collections that get plugin-seo's `meta` group (those not installed are left alone). */
const SEO_COLLECTIONS = ['blog-posts', 'locations', 'courses', /* ---- pages ---- */ 'pages']

/** SEO topics and subscriptions, generated and written blog posts, FAQs, gallery and forms (see README.md). */
export const websitePlugin =
  (options: WebsiteOptions = {}): Plugin =>
  (config) => {
    const o = { ...defaultOptions, ...options }
    const group = o.adminGroup
    // ⊕ tenant-settings: the blog's publishing policy.
    const collections = (config.collections ?? []).map((collection) =>
      collection.slug === 'tenant-settings'
        ? { ...collection, fields: [...collection.fields, websiteSettingsField(o.weeklyPublishCap)] }
        : collection,
    )
    const withCollections = withWebsiteEvents({
      ...config,
      collections: [
        ...collections,
        SeoTopics(group),
        SeoSubscriptions(group, { defaultCap: o.weeklyPublishCap }),
        BlogPosts(group, {
          weeklyPublishCap: o.weeklyPublishCap,
          duplicateThreshold: o.duplicateThreshold,
          shingleWords: o.shingleWords,
        }),
        Faqs(group),
        GalleryItems(group),
        // ---- pages ----
        Pages(group),
        // ---- /pages ----
      ],
      jobs: {
        ...config.jobs,
        tasks: [
          ...(config.jobs?.tasks ?? []),
          writeBlogDraftsTask({ cron: o.draftsCron, defaultCap: o.weeklyPublishCap }),
        ],
      },
    })
    const withSeo = seoPlugin({
      collections: SEO_COLLECTIONS.filter((slug) => withCollections.collections?.some((c) => c.slug === slug)),
      uploadsCollection: 'media',
      fields: plainSeoFields,
    })(withCollections)
    // Blog posts, the blog, FAQ and gallery pages join the sitemap; the site's blog reads its endpoints.
    const withSite = withSitemap(
      withSqlTables(withForms(withSeo, { group, rateLimit: o.formRateLimit }), [...websiteSqlTables, ...blogSqlTables]),
    )
    // ---- pages ----
    // Blog posts get the site's live preview; locations get opening hours (their site page).
    const withPages = withLocationPages({
      ...withSite,
      collections: withSite.collections?.map((collection) =>
        collection.slug === 'blog-posts'
          ? { ...collection, admin: { ...collection.admin, livePreview: livePreviewOf('blog-posts') } }
          : collection,
      ),
    })
    // ---- /pages ----
    // The blog's endpoints, and the offer a Business Profile post links to (`/pricing?offer=<id>`).
    const withBlog = { ...withPages, endpoints: [...(withPages.endpoints ?? []), ...blogEndpoints(), offerEndpoint] }
    // ---- gbp ----
    // Google Business Profile posts of events (a mapping collection, the sync job, hooks on bookings' events).
    return withGbp(withBlog, { group })
    // ---- /gbp ----
  }
