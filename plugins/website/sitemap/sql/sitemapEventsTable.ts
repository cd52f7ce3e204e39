import { defineSqlTable } from '@/core/db/sqlTable'

/**
 * Events (bookings) the sitemap lists: published and not over. Another plugin's table: the providers check `hasCollection` first, so it is
 * resolved lazily and not registered with `withSqlTables`.
 */
export const sitemapEventsTable = defineSqlTable(
  'events',
  {
    id: 'id',
    tenant: 'tenant',
    title: 'title',
    status: 'status',
    startTime: 'startTime',
    endTime: 'endTime',
    updatedAt: 'updatedAt',
  },
  { enums: ['status'] },
)
