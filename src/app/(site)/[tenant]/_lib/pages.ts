import { unstable_cache } from 'next/cache'
import type { Where } from 'payload'
import { hasCollection, siteTag } from '@/core'
import type { Faq, Form, GalleryItem, Page } from '@/payload-types'
import type { ScheduleEntry } from '@plugins/bookings/contract'
import { payloadInstance, readPublicSchedule, showsTags, type Site } from './site'

export type PageDoc = Page
export type PageBlock = Page['layout'][number]
export type NavPage = { slug: string; title: string }

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?$/

/**
 * The tenant's published pages its navigation links to (`showInNav`), by navOrder; cached with the
 * site (`site:<tenant>`), which saving or deleting a page invalidates.
 */
export const navPages = async (site: Site): Promise<NavPage[]> =>
  unstable_cache(
    async (): Promise<NavPage[]> => {
      const payload = await payloadInstance()
      if (!hasCollection(payload, 'pages')) return []
      const { docs } = await payload.find({
        collection: 'pages',
        where: {
          and: [
            { tenant: { equals: site.tenant.id } },
            { _status: { equals: 'published' } },
            { showInNav: { equals: true } },
          ],
        },
        sort: ['navOrder', 'title'],
        limit: 20,
        depth: 0,
        overrideAccess: false,
        select: { slug: true, title: true },
      })
      return docs.map((doc) => ({ slug: doc.slug, title: doc.title }))
    },
    ['atrium-site-nav-pages', site.tenant.id],
    { tags: [siteTag(site.tenant.id)], revalidate: 300 },
  )()

/**
 * The page of THIS tenant with this slug: the published version as a visitor reads it, or — for
 * a staff preview (`draft`, checked by the caller) — its latest draft. Null when none.
 */
export const loadPage = async (site: Site, slug: string, draft = false): Promise<PageDoc | null> => {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'pages') || !SLUG.test(slug)) return null
  const own: Where = { and: [{ tenant: { equals: site.tenant.id } }, { slug: { equals: slug } }] }
  const { docs } = await payload.find({
    collection: 'pages',
    where: draft ? own : { and: [own, { _status: { equals: 'published' } }] },
    limit: 1,
    depth: 0,
    draft,
    // A preview is for staff of the tenant (checked by `previewViewer`); a visitor reads as anyone.
    overrideAccess: draft,
  })
  return docs[0] ?? null
}

const idsOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' && 'id' in v ? String(v.id) : null))
        .filter((v): v is string => Boolean(v))
    : []

const idOfOne = (value: unknown): string | null =>
  idsOf(value === null || value === undefined ? [] : [value])[0] ?? null

/** Keeps `ids`' order (the editor's) for the documents found. */
const inOrder = <T extends { id: string }>(docs: T[], ids: string[]) =>
  ids.length ? ids.map((id) => docs.find((doc) => doc.id === id)).filter((doc): doc is T => Boolean(doc)) : docs

/** What the blocks of a page show, read within the tenant as a visitor (another tenant's ids find nothing). */
export type BlockData = {
  faqs: Map<number, Faq[]>
  gallery: Map<number, GalleryItem[]>
  schedule: Map<number, ScheduleEntry[]>
  forms: Map<number, Form>
}

export const loadBlockData = async (site: Site, layout: PageBlock[]): Promise<BlockData> => {
  const payload = await payloadInstance()
  const tenant = { tenant: { equals: site.tenant.id } }
  const data: BlockData = { faqs: new Map(), gallery: new Map(), schedule: new Map(), forms: new Map() }
  await Promise.all(
    layout.map(async (block, index) => {
      if (block.blockType === 'faqList' && hasCollection(payload, 'faqs')) {
        const ids = idsOf(block.faqs)
        const where: Where[] = [tenant, { isActive: { equals: true } }]
        if (ids.length) where.push({ id: { in: ids } })
        else if (block.category?.trim()) where.push({ category: { equals: block.category.trim() } })
        const { docs } = await payload.find({
          collection: 'faqs',
          where: { and: where },
          sort: ['sortOrder', 'createdAt'],
          limit: 100,
          depth: 0,
          overrideAccess: false,
        })
        data.faqs.set(index, inOrder(docs, ids))
      } else if (block.blockType === 'gallery' && hasCollection(payload, 'gallery-items')) {
        const ids = idsOf(block.items)
        const { docs } = await payload.find({
          collection: 'gallery-items',
          where: { and: [tenant, { isActive: { equals: true } }, ...(ids.length ? [{ id: { in: ids } }] : [])] },
          sort: ['sortOrder', 'createdAt'],
          limit: block.limit ?? 12,
          depth: 1,
          overrideAccess: false,
        })
        data.gallery.set(index, inOrder(docs, ids))
      } else if (block.blockType === 'scheduleTeaser') {
        // Live data: the page is re-rendered when the tenant's schedule changes.
        await showsTags(siteTag(site.tenant.id, 'schedule'))
        const from = new Date()
        const to = new Date(from.getTime() + (block.days ?? 7) * 86_400_000)
        const location = idOfOne(block.location)
        const classes = (await readPublicSchedule(site.tenant.slug, from, to)) ?? []
        data.schedule.set(
          index,
          classes
            .filter((entry) => entry.status !== 'cancelled' && (!location || entry.location?.id === location))
            .slice(0, block.limit ?? 5),
        )
      } else if (block.blockType === 'contactForm' && hasCollection(payload, 'forms')) {
        const id = idOfOne(block.form)
        if (!id) return
        const { docs } = await payload.find({
          collection: 'forms',
          where: { and: [tenant, { id: { equals: id } }] },
          limit: 1,
          depth: 0,
          overrideAccess: false,
        })
        if (docs[0]) data.forms.set(index, docs[0])
      }
    }),
  )
  return data
}
