import { sql } from '@payloadcms/db-postgres'
import { hasCollection, runSql } from '@/core'
import { keysetPage } from '../keysetPage'
import { sitemapCoursesTable } from '../sql/sitemapCoursesTable'
import type { SitemapProvider } from '../types'

type Row = { id: string; slug: string | null; updated_at: Date | string }

/** Published, not trashed courses (`/courses/<slug>`). */
export const coursesProvider: SitemapProvider = {
  name: 'courses',
  count: async (ctx) => {
    if (!hasCollection(ctx.payload, 'courses')) return 0
    const c = sitemapCoursesTable(ctx)
    const [row] = await runSql<{ n: string }>(
      ctx,
      sql`SELECT count(*) AS n FROM ${c} WHERE ${c.tenant} = ${ctx.tenant.id} AND ${c.status} = ${'published'}::${c.$enum.status} AND ${c.deletedAt} IS NULL`,
    )
    return Number(row?.n ?? 0)
  },
  page: (ctx, offset, limit) =>
    keysetPage(ctx, 'courses', offset, limit, async (after, skip, take) => {
      if (!hasCollection(ctx.payload, 'courses')) return []
      const c = sitemapCoursesTable(ctx)
      const rows = await runSql<Row>(
        ctx,
        sql`SELECT ${c.id} AS id, ${c.slug} AS slug, ${c.updatedAt} AS updated_at FROM ${c}
            WHERE ${c.tenant} = ${ctx.tenant.id} AND ${c.status} = ${'published'}::${c.$enum.status}
              AND ${c.deletedAt} IS NULL ${after ? sql`AND ${c.id} > ${after}` : sql``}
            ORDER BY ${c.id} LIMIT ${take} OFFSET ${skip}`,
      )
      return rows.map((row) => ({
        id: row.id,
        entry: { path: `/courses/${encodeURIComponent(row.slug || row.id)}`, lastmod: row.updated_at },
      }))
    }),
}
