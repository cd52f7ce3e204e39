import { defineSqlTable } from '@/core/db/sqlTable'

/**
 * Classes (bookings) the sitemap lists: scheduled and upcoming. Another plugin's table: the providers check `hasCollection` first, so it is
 * resolved lazily and not registered with `withSqlTables`.
 */
export const sitemapClassesTable = defineSqlTable(
  'classes',
  { id: 'id', tenant: 'tenant', status: 'status', startTime: 'startTime', updatedAt: 'updatedAt' },
  { enums: ['status'] },
)
