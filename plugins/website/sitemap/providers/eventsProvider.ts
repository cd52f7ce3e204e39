import { sql } from '@payloadcms/db-postgres'
import { hasCollection, runSql } from '@/core'
import { keysetPage } from '../keysetPage'
import { sitemapEventsTable } from '../sql/sitemapEventsTable'
import type { SitemapProvider } from '../types'

type Row = { id: string; updated_at: Date | string }

/** Published events not over yet (`/events/<id>`); drafts are never public. */
export const eventsProvider: SitemapProvider = {
  name: 'events',
  count: async (ctx) => {
    if (!hasCollection(ctx.payload, 'events')) return 0
    const e = sitemapEventsTable(ctx)
    const [row] = await runSql<{ n: string }>(
      ctx,
      sql`SELECT count(*) AS n FROM ${e} WHERE ${e.tenant} = ${ctx.tenant.id} AND ${e.status} = ${'published'}::${e.$enum.status} AND ${e.endTime} >= ${ctx.now.toISOString()}::timestamptz`,
    )
    return Number(row?.n ?? 0)
  },
  page: (ctx, offset, limit) =>
    keysetPage(ctx, 'events', offset, limit, async (after, skip, take) => {
      if (!hasCollection(ctx.payload, 'events')) return []
      const e = sitemapEventsTable(ctx)
      const rows = await runSql<Row>(
        ctx,
        sql`SELECT ${e.id} AS id, ${e.updatedAt} AS updated_at FROM ${e}
            WHERE ${e.tenant} = ${ctx.tenant.id} AND ${e.status} = ${'published'}::${e.$enum.status}
              AND ${e.endTime} >= ${ctx.now.toISOString()}::timestamptz ${after ? sql`AND ${e.id} > ${after}` : sql``}
            ORDER BY ${e.id} LIMIT ${take} OFFSET ${skip}`,
      )
      return rows.map((row) => ({ id: row.id, entry: { path: `/events/${row.id}`, lastmod: row.updated_at } }))
    }),
}
