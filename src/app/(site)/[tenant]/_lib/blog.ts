import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { unstable_cache } from 'next/cache'
import type { Where } from 'payload'
import { getEnv, hasCollection, siteTag } from '@/core'
import type { BlogPost, Faq, GalleryItem, Media } from '@/payload-types'
import type { BlogImage, BlogListReply } from '@plugins/website/contract'
import { callEndpoint } from './callEndpoint'
import { payloadInstance, type Site } from './site'

export const BLOG_PAGE_SIZE = 10

/** Which of the website's pages the tenant has content for (the nav links to those). */
export type WebsiteContent = { blog: boolean; faq: boolean; gallery: boolean }

/**
 * Whether the tenant has published posts, active FAQs and active gallery items, read as a visitor;
 * cached with the site (`site:<tenant>`), which saving or deleting any of them invalidates (from a
 * request of the app; a job's changes show within `revalidate`).
 */
export const websiteContent = async (site: Site): Promise<WebsiteContent> =>
  unstable_cache(
    async (): Promise<WebsiteContent> => {
      const payload = await payloadInstance()
      const tenant = { tenant: { equals: site.tenant.id } }
      const count = async (collection: 'blog-posts' | 'faqs' | 'gallery-items', extra: Where) => {
        if (!hasCollection(payload, collection)) return false
        const { totalDocs } = await payload.count({
          collection,
          where: { and: [tenant, extra] },
          overrideAccess: false,
        })
        return totalDocs > 0
      }
      const [blog, faq, gallery] = await Promise.all([
        count('blog-posts', { _status: { equals: 'published' } }),
        count('faqs', { isActive: { equals: true } }),
        count('gallery-items', { isActive: { equals: true } }),
      ])
      return { blog, faq, gallery }
    },
    ['atrium-site-website', site.tenant.id],
    // A post published by a job (scheduled publishing) invalidates nothing in this process: 5 min at most.
    { tags: [siteTag(site.tenant.id)], revalidate: 300 },
  )()

/**
 * A page of the tenant's published posts through the website plugin's public
 * `GET /api/website/blog` (in-process, anonymous): newest first, of one topic or author. Null
 * without the plugin or for a page past the last.
 */
export const readBlogList = async (
  site: Site,
  options: { page?: number; topic?: string; author?: string; limit?: number } = {},
): Promise<BlogListReply | null> => {
  const query: Record<string, string> = {
    tenant: site.tenant.slug,
    page: String(options.page ?? 1),
    limit: String(options.limit ?? BLOG_PAGE_SIZE),
  }
  if (options.topic) query.topic = options.topic
  if (options.author) query.author = options.author
  const answer = await callEndpoint<BlogListReply>({ path: '/website/blog', method: 'get', query })
  return answer.status === 200 ? answer.body : null
}

export type PostDoc = BlogPost

/** The published post of THIS tenant with this slug, as a visitor reads it (drafts never), or null; its latest draft for a staff preview. */
export const loadPost = async (site: Site, slug: string, draft = false): Promise<PostDoc | null> => {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'blog-posts') || !/^[a-z0-9-]{1,200}$/.test(slug)) return null
  const own: Where = { and: [{ tenant: { equals: site.tenant.id } }, { slug: { equals: slug } }] }
  const { docs } = await payload.find({
    collection: 'blog-posts',
    where: draft ? own : { and: [own, { _status: { equals: 'published' } }] },
    limit: 1,
    depth: 1,
    // ---- pages ----: `draft` is a staff preview (checked by `previewViewer`): the latest draft.
    draft,
    overrideAccess: draft,
  })
  return docs[0] ?? null
}

/** An upload as the site shows it: a populated media document with a URL, else null. */
export const imageOf = (value: string | Media | null | undefined): BlogImage | null =>
  value && typeof value === 'object' && value.url
    ? { url: value.url, alt: value.alt ?? null, width: value.width ?? null, height: value.height ?? null }
    : null

/** A site-relative URL (`/api/media/file/…`) made absolute on the server's URL (og:image, JSON-LD). */
export const absoluteMediaUrl = (url: string): string =>
  /^https?:\/\//.test(url) ? url : `${getEnv().SERVER_URL}${url}`

/** The tenant's active FAQs by category (categories in order of their first question), each by sortOrder. */
export const loadFaqs = async (site: Site): Promise<{ category: string | null; faqs: Faq[] }[]> => {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'faqs')) return []
  const { docs } = await payload.find({
    collection: 'faqs',
    where: { and: [{ tenant: { equals: site.tenant.id } }, { isActive: { equals: true } }] },
    sort: ['sortOrder', 'createdAt'],
    limit: 200,
    depth: 0,
    overrideAccess: false,
  })
  const groups = new Map<string, { category: string | null; faqs: Faq[] }>()
  for (const faq of docs) {
    const category = faq.category?.trim() || null
    const key = category ?? ''
    const group = groups.get(key) ?? { category, faqs: [] }
    group.faqs.push(faq)
    groups.set(key, group)
  }
  return [...groups.values()]
}

/** The tenant's active gallery items with their images, by sortOrder. */
export const loadGallery = async (site: Site): Promise<GalleryItem[]> => {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'gallery-items')) return []
  const { docs } = await payload.find({
    collection: 'gallery-items',
    where: { and: [{ tenant: { equals: site.tenant.id } }, { isActive: { equals: true } }] },
    sort: ['sortOrder', 'createdAt'],
    limit: 200,
    depth: 1,
    overrideAccess: false,
  })
  return docs
}

/** The plain text of Lexical rich text (FAQ answers for JSON-LD); empty for anything else. */
export const lexicalText = (value: unknown): string =>
  value && typeof value === 'object' && 'root' in value
    ? convertLexicalToPlaintext({ data: value as SerializedEditorState }).trim()
    : ''
