import { defineSqlTable } from '@/core'

/** The blog posts' columns the publish checks read. */
export const blogPostsTable = defineSqlTable(
  'blog-posts',
  {
    id: 'id',
    tenant: 'tenant',
    title: 'title',
    slug: 'slug',
    status: '_status',
    publishedAt: 'publishedAt',
    fingerprint: 'fingerprint',
    generationKey: 'generationKey',
    deletedAt: 'deletedAt',
  },
  { enums: ['status'] },
)

/** The `website` group this plugin adds to tenant-settings. */
export const websiteSettingsTable = defineSqlTable('tenant-settings', {
  tenant: 'tenant',
  autoPublish: 'website.autoPublish',
  weeklyPublishCap: 'website.weeklyPublishCap',
})

/** The subscriptions' columns the draft-writing job claims with. */
export const seoSubscriptionsTable = defineSqlTable('seo-subscriptions', {
  id: 'id',
  tenant: 'tenant',
  isEnabled: 'isEnabled',
  nextRunAt: 'nextRunAt',
  lastGeneratedAt: 'lastGeneratedAt',
})

/** Every table the website plugin's raw SQL uses (checked against the schema at start-up). */
export const websiteSqlTables = [blogPostsTable, websiteSettingsTable, seoSubscriptionsTable]
