import { defineSqlTable } from '@/core/db/sqlTable'

/*
 * The tables the sitemap providers read with raw SQL (names from the adapter's schema). They
 * belong to other plugins (bookings, lms): a provider first checks the collection is installed
 * (`hasCollection`), so they are resolved lazily and not registered with `withSqlTables`.
 */

export const sitemapClasses = defineSqlTable(
  'classes',
  { id: 'id', tenant: 'tenant', status: 'status', startTime: 'startTime', updatedAt: 'updatedAt' },
  { enums: ['status'] },
)

export const sitemapEvents = defineSqlTable(
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

export const sitemapCourses = defineSqlTable(
  'courses',
  { id: 'id', tenant: 'tenant', slug: 'slug', status: '_status', deletedAt: 'deletedAt', updatedAt: 'updatedAt' },
  { enums: ['status'] },
)
