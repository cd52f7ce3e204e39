import { sql } from '@payloadcms/db-postgres'
import { hasCollection, runSql } from '@/core'
import { keysetPage } from '../keysetPage'
import { sitemapClassesTable } from '../sql/sitemapClassesTable'
import type { SitemapProvider } from '../types'

type Row = { id: string; updated_at: Date | string }

/** Upcoming scheduled classes (`/classes/<id>`): the class pages visitors book from. */
export const classesProvider: SitemapProvider = {
  name: 'classes',
  count: async (ctx) => {
    if (!hasCollection(ctx.payload, 'classes')) return 0
    const c = sitemapClassesTable(ctx)
    const [row] = await runSql<{ n: string }>(
      ctx,
      sql`SELECT count(*) AS n FROM ${c} WHERE ${c.tenant} = ${ctx.tenant.id} AND ${c.status} = ${'scheduled'}::${c.$enum.status} AND ${c.startTime} >= ${ctx.now.toISOString()}::timestamptz`,
    )
    return Number(row?.n ?? 0)
  },
  page: (ctx, offset, limit) =>
    keysetPage(ctx, 'classes', offset, limit, async (after, skip, take) => {
      if (!hasCollection(ctx.payload, 'classes')) return []
      const c = sitemapClassesTable(ctx)
      const rows = await runSql<Row>(
        ctx,
        sql`SELECT ${c.id} AS id, ${c.updatedAt} AS updated_at FROM ${c}
            WHERE ${c.tenant} = ${ctx.tenant.id} AND ${c.status} = ${'scheduled'}::${c.$enum.status}
              AND ${c.startTime} >= ${ctx.now.toISOString()}::timestamptz ${after ? sql`AND ${c.id} > ${after}` : sql``}
            ORDER BY ${c.id} LIMIT ${take} OFFSET ${skip}`,
      )
      return rows.map((row) => ({ id: row.id, entry: { path: `/classes/${row.id}`, lastmod: row.updated_at } }))
    }),
}
