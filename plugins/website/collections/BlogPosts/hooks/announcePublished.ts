import type { CollectionAfterChangeHook } from 'payload'
import { emit, idOf } from '@/core'

/** A publication (checked by `guardPublish` in the same operation) emits `blog-post.published`. */
export const announcePublished: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  const published = context.websitePublished as { firstPublication: boolean } | undefined
  if (!published || doc._status !== 'published') return doc
  const tenant = idOf(doc.tenant)
  if (!tenant) return doc
  await emit(req, {
    type: 'blog-post.published',
    tenant,
    subject: { collection: 'blog-posts', id: String(doc.id) },
    data: {
      post: String(doc.id),
      slug: doc.slug,
      title: doc.title,
      publishedAt: new Date(doc.publishedAt ?? Date.now()).toISOString(),
      isGenerated: Boolean(doc.isGenerated),
      firstPublication: published.firstPublication,
    },
  })
  return doc
}
