import { defineSqlTable } from '@/core/db/sqlTable'

/**
 * Courses (lms) the sitemap lists: published and not trashed. Another plugin's table: the providers check `hasCollection` first, so it is
 * resolved lazily and not registered with `withSqlTables`.
 */
export const sitemapCoursesTable = defineSqlTable(
  'courses',
  { id: 'id', tenant: 'tenant', slug: 'slug', status: '_status', deletedAt: 'deletedAt', updatedAt: 'updatedAt' },
  { enums: ['status'] },
)
