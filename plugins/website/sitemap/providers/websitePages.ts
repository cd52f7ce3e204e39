import { sql } from '@payloadcms/db-postgres'
import { hasCollection, runSql } from '@/core'
import { publicBlogPostsTable, sitemapFaqsTable, sitemapGalleryTable } from '../../blog/blogSqlTables'
import type { SitemapContext, SitemapEntry } from '../types'

type Last = { last: Date | string | null }

/**
 * The website's own pages of a tenant, each listed when it has content: `/blog` (published posts;
 * lastmod = the newest change of one), `/faq` (active FAQs), `/gallery` (active gallery items).
 */
export const websitePages = async (ctx: SitemapContext): Promise<SitemapEntry[]> => {
  const pages: SitemapEntry[] = []
  if (hasCollection(ctx.payload, 'blog-posts')) {
    const p = publicBlogPostsTable(ctx.payload)
    const [row] = await runSql<Last>(
      ctx,
      sql`SELECT max(${p.updatedAt}) AS last FROM ${p} WHERE ${p.tenant} = ${ctx.tenant.id}
            AND ${p.status} = ${'published'}::${p.$enum.status} AND ${p.deletedAt} IS NULL`,
    )
    if (row?.last) pages.push({ path: '/blog', lastmod: row.last })
  }
  for (const [slug, path, table] of [
    ['faqs', '/faq', sitemapFaqsTable],
    ['gallery-items', '/gallery', sitemapGalleryTable],
  ] as const) {
    if (!hasCollection(ctx.payload, slug)) continue
    const t = table(ctx.payload)
    const [row] = await runSql<Last>(
      ctx,
      sql`SELECT max(${t.updatedAt}) AS last FROM ${t} WHERE ${t.tenant} = ${ctx.tenant.id} AND ${t.isActive} IS TRUE`,
    )
    if (row?.last) pages.push({ path, lastmod: row.last })
  }
  return pages
}
