import { sql } from '@payloadcms/db-postgres'
import { hasCollection, runSql } from '@/core'
import { publicBlogPostsTable } from '../../blog/blogSqlTables'
import { keysetPage } from '../keysetPage'
import type { SitemapProvider } from '../types'

type Row = { id: string; slug: string | null; updated_at: Date | string }

const published = (ctx: Parameters<SitemapProvider['count']>[0]) => {
  const p = publicBlogPostsTable(ctx.payload)
  return {
    p,
    where: sql`${p.tenant} = ${ctx.tenant.id} AND ${p.status} = ${'published'}::${p.$enum.status} AND ${p.deletedAt} IS NULL`,
  }
}

/** Published, not trashed blog posts (`/blog/<slug>`), lastmod from updatedAt. */
export const blogPostsProvider: SitemapProvider = {
  name: 'blog-posts',
  count: async (ctx) => {
    if (!hasCollection(ctx.payload, 'blog-posts')) return 0
    const { p, where } = published(ctx)
    const [row] = await runSql<{ n: string }>(ctx, sql`SELECT count(*) AS n FROM ${p} WHERE ${where}`)
    return Number(row?.n ?? 0)
  },
  page: (ctx, offset, limit) =>
    keysetPage(ctx, 'blog-posts', offset, limit, async (after, skip, take) => {
      if (!hasCollection(ctx.payload, 'blog-posts')) return []
      const { p, where } = published(ctx)
      const rows = await runSql<Row>(
        ctx,
        sql`SELECT ${p.id} AS id, ${p.slug} AS slug, ${p.updatedAt} AS updated_at FROM ${p}
            WHERE ${where} ${after ? sql`AND ${p.id} > ${after}` : sql``}
            ORDER BY ${p.id} LIMIT ${take} OFFSET ${skip}`,
      )
      return rows.map((row) => ({
        id: row.id,
        entry: { path: `/blog/${encodeURIComponent(row.slug || row.id)}`, lastmod: row.updated_at },
      }))
    }),
}
