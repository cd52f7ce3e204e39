import type { PayloadRequest, Where } from 'payload'
import type { BlogImage, BlogListItem, BlogListReply, BlogListQuery } from '../contract'
import { blogListQuery } from '../contract'
import { readBlogFacets } from './readBlogFacets'

type MediaLike = { url?: string | null; alt?: string | null; width?: number | null; height?: number | null }

/** A populated upload as the blog shows it (an id only, or a file without a URL: none). */
export const blogImageOf = (value: unknown): BlogImage | null => {
  if (!value || typeof value !== 'object') return null
  const media = value as MediaLike
  if (!media.url) return null
  return { url: media.url, alt: media.alt ?? null, width: media.width ?? null, height: media.height ?? null }
}

const idOfRelation = (value: unknown): string | null =>
  typeof value === 'string' ? value : value && typeof value === 'object' && 'id' in value ? String(value.id) : null

const named = (id: string | null, names: Map<string, string>) => {
  const name = id ? names.get(id) : undefined
  return id && name ? { id, name } : null
}

/**
 * A page of a tenant's published posts, newest first (by first publication), optionally of one
 * topic or author, with the topics and authors to filter by. Read as a visitor (`overrideAccess:
 * false`, published only whoever asks): drafts and trashed posts never show.
 */
export const readBlogList = async (
  req: PayloadRequest,
  tenant: string,
  input: BlogListQuery,
): Promise<BlogListReply> => {
  const query = blogListQuery.parse(input)
  const facets = await readBlogFacets(req, tenant)
  const where: Where[] = [{ tenant: { equals: tenant } }, { _status: { equals: 'published' } }]
  if (query.topic) where.push({ topic: { equals: query.topic } })
  if (query.author) where.push({ author: { equals: query.author } })
  const found = await req.payload.find({
    collection: 'blog-posts',
    where: { and: where },
    sort: ['-publishedAt', '-createdAt'],
    page: query.page,
    limit: query.limit,
    depth: 1,
    populate: { media: { url: true, alt: true, width: true, height: true } },
    select: {
      title: true,
      slug: true,
      excerpt: true,
      publishedAt: true,
      updatedAt: true,
      heroImage: true,
      author: true,
      topic: true,
    },
    overrideAccess: false,
    req,
  })
  const authorName = new Map(facets.authors.map((a) => [a.id, a.name]))
  const topicName = new Map(facets.topics.map((t) => [t.id, t.name]))
  const posts: BlogListItem[] = found.docs.map((doc) => {
    const author = idOfRelation(doc.author)
    const topic = idOfRelation(doc.topic)
    return {
      id: String(doc.id),
      slug: String(doc.slug ?? doc.id),
      title: doc.title,
      excerpt: doc.excerpt ?? null,
      publishedAt: doc.publishedAt ?? null,
      updatedAt: doc.updatedAt,
      heroImage: blogImageOf(doc.heroImage),
      author: named(author, authorName),
      topic: named(topic, topicName),
    }
  })
  return {
    posts,
    page: found.page ?? query.page,
    totalPages: found.totalPages,
    totalPosts: found.totalDocs,
    topics: facets.topics,
    authors: facets.authors,
  }
}
