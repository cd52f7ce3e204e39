import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { runSql } from '@/core'
import type { BlogFacet } from '../contract'
import { blogAuthorsTable, blogTopicsTable, publicBlogPostsTable } from './blogSqlTables'

type Row = { id: string; name: string | null; posts: number }

/**
 * The authors and topics of a tenant's published, not trashed posts, with their post counts:
 * only the author's display name and the topic's name are read (memberships and the platform's
 * topic library are not public collections). Authors without a display name are left out.
 */
export const readBlogFacets = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  tenant: string,
): Promise<{ authors: BlogFacet[]; topics: BlogFacet[] }> => {
  const p = publicBlogPostsTable(req.payload)
  const m = blogAuthorsTable(req.payload)
  const t = blogTopicsTable(req.payload)
  const published = sql`p.${p.tenant} = ${tenant} AND p.${p.status} = ${'published'}::${p.$enum.status} AND p.${p.deletedAt} IS NULL`
  const [authors, topics] = await Promise.all([
    runSql<Row>(
      req,
      sql`SELECT m.${m.id} AS id, m.${m.displayName} AS name, count(*)::int AS posts
          FROM ${p.$table} p JOIN ${m.$table} m ON m.${m.id} = p.${p.author}
          WHERE ${published} GROUP BY m.${m.id}, m.${m.displayName} ORDER BY m.${m.displayName}`,
    ),
    runSql<Row>(
      req,
      sql`SELECT t.${t.id} AS id, t.${t.name} AS name, count(*)::int AS posts
          FROM ${p.$table} p JOIN ${t.$table} t ON t.${t.id} = p.${p.topic}
          WHERE ${published} GROUP BY t.${t.id}, t.${t.name} ORDER BY t.${t.name}`,
    ),
  ])
  const facets = (rows: Row[]) =>
    rows
      .filter((row): row is Row & { name: string } => Boolean(row.name?.trim()))
      .map((row) => ({ id: String(row.id), name: row.name.trim(), posts: Number(row.posts) }))
  return { authors: facets(authors), topics: facets(topics) }
}
