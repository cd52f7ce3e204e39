import { defineSqlTable } from '@/core'

/** The blog posts' columns the public blog and its sitemap read (published, not trashed). */
export const publicBlogPostsTable = defineSqlTable(
  'blog-posts',
  {
    id: 'id',
    tenant: 'tenant',
    slug: 'slug',
    status: '_status',
    author: 'author',
    topic: 'topic',
    deletedAt: 'deletedAt',
    updatedAt: 'updatedAt',
    publishedAt: 'publishedAt',
  },
  { enums: ['status'] },
)

/** The names the blog shows of its posts' authors (a membership's display name, nothing else). */
export const blogAuthorsTable = defineSqlTable('tenant-memberships', {
  id: 'id',
  displayName: 'profile.displayName',
})

/** The names of the platform topics a tenant's published posts are about. */
export const blogTopicsTable = defineSqlTable('seo-topics', { id: 'id', name: 'name' })

/** The FAQs and gallery items the sitemap's fixed pages depend on. */
export const sitemapFaqsTable = defineSqlTable('faqs', {
  tenant: 'tenant',
  isActive: 'isActive',
  updatedAt: 'updatedAt',
})
export const sitemapGalleryTable = defineSqlTable('gallery-items', {
  tenant: 'tenant',
  isActive: 'isActive',
  updatedAt: 'updatedAt',
})

export const blogSqlTables = [
  publicBlogPostsTable,
  blogAuthorsTable,
  blogTopicsTable,
  sitemapFaqsTable,
  sitemapGalleryTable,
]
