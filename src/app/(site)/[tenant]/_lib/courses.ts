import { unstable_cache } from 'next/cache'
import type { TypedUser, Where } from 'payload'
import { hasCollection, siteTag } from '@/core'
import type { AccessDecision, CourseOutlineLesson, CourseOutlineReply } from '@plugins/lms/contract'
import { callEndpoint } from './callEndpoint'
import { day } from './format'
import { payloadInstance, type Site } from './site'

/**
 * The learning pages' data (the lms plugin: courses, lessons, the content catalog). Public lists
 * are read as an anonymous visitor (`overrideAccess: false`); a course's syllabus and a lesson come
 * from the plugin's own endpoints called in-process as the visitor, so every lock state and media
 * URL is the plugin's access decision.
 */

/** Access filter of the catalog: free, paid, or for members (subscription or membership). */
export const ACCESS_FILTERS = { free: 'Free', paid: 'Paid', members: 'Members' } as const
export type AccessFilter = keyof typeof ACCESS_FILTERS

export type CatalogCourse = {
  id: string
  slug: string
  title: string
  description: string | null
  kind: string
  deliveryMode: string
  price: { amount: number; currency: string } | null
}

export type CatalogItem = {
  id: string
  title: string
  description: string | null
  contentType: string
  category: string | null
  visibility: string
  price: { amount: number; currency: string } | null
}

const priceOf = (price: { amount?: number | null; currency?: string | null } | null | undefined) =>
  price?.amount ? { amount: price.amount, currency: String(price.currency) } : null

/** Whether the tenant publishes courses or catalog items (the site's nav then links to them); cached a minute. */
export const offersLearning = async (site: Site): Promise<boolean> => {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'courses')) return false
  return unstable_cache(
    async () => {
      const tenant = { tenant: { equals: site.tenant.id } }
      const [courses, items] = await Promise.all([
        payload.count({ collection: 'courses', where: tenant, overrideAccess: false }),
        payload.count({ collection: 'content-items', where: tenant, overrideAccess: false }),
      ])
      return courses.totalDocs + items.totalDocs > 0
    },
    ['atrium-site-learning', site.tenant.id],
    { tags: [siteTag(site.tenant.id)], revalidate: 60 },
  )()
}

/** The published courses and the catalog's public items of the tenant, with the catalog's filters applied. */
export const readCatalog = async (
  site: Site,
  filters: { category: string; access: AccessFilter | '' },
): Promise<{ courses: CatalogCourse[]; items: CatalogItem[]; categories: string[] }> => {
  const payload = await payloadInstance()
  const tenant = { tenant: { equals: site.tenant.id } }
  const [courses, items] = await Promise.all([
    payload.find({
      collection: 'courses',
      where: tenant,
      sort: 'title',
      limit: 100,
      depth: 0,
      overrideAccess: false,
      select: { title: true, slug: true, description: true, kind: true, deliveryMode: true, price: true },
    }),
    payload.find({
      collection: 'content-items',
      where: tenant,
      sort: 'title',
      limit: 200,
      depth: 0,
      overrideAccess: false,
      select: { title: true, description: true, contentType: true, category: true, visibility: true, price: true },
    }),
  ])
  const allItems: CatalogItem[] = items.docs.map((doc) => ({
    id: String(doc.id),
    title: doc.title,
    description: doc.description ?? null,
    contentType: doc.contentType,
    category: doc.category ?? null,
    visibility: doc.visibility ?? 'public',
    price: priceOf(doc.price),
  }))
  const itemAccess = (item: CatalogItem): AccessFilter =>
    item.visibility === 'public' ? 'free' : item.visibility === 'members_only' ? 'members' : 'paid'
  const allCourses: CatalogCourse[] = courses.docs.map((doc) => ({
    id: String(doc.id),
    slug: doc.slug ?? String(doc.id),
    title: doc.title,
    description: doc.description ?? null,
    kind: doc.kind,
    deliveryMode: doc.deliveryMode,
    price: priceOf(doc.price),
  }))
  const categories = [...new Set(allItems.map((item) => item.category).filter((c): c is string => !!c))].sort()
  return {
    // Courses have no category: a category filter shows the catalog's items of that category only.
    courses: filters.category
      ? []
      : allCourses.filter(
          (course) =>
            !filters.access ||
            (filters.access === 'free' && !course.price) ||
            (filters.access === 'paid' && !!course.price),
        ),
    items: allItems.filter(
      (item) =>
        (!filters.category || item.category === filters.category) &&
        (!filters.access || itemAccess(item) === filters.access),
    ),
    categories,
  }
}

/** The id of the tenant's published course with this slug (or id), read as a visitor. */
export const courseIdBySlug = async (site: Site, slug: string): Promise<string | null> => {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'courses')) return null
  const where: Where = { and: [{ tenant: { equals: site.tenant.id } }, { slug: { equals: slug } }] }
  const { docs } = await payload.find({ collection: 'courses', where, limit: 1, depth: 0, overrideAccess: false })
  return docs[0] ? String(docs[0].id) : null
}

/** The course's syllabus for the visitor (`GET /api/courses/:id/outline` as them), null when not found. */
export const readOutline = async (course: string, user: TypedUser | null): Promise<CourseOutlineReply | null> => {
  const answer = await callEndpoint<CourseOutlineReply>({
    collection: 'courses',
    path: '/:id/outline',
    method: 'get',
    routeParams: { id: course },
    user,
  })
  return answer.ok ? answer.body : null
}

/** The active product that sells this course online (commerce's digital products), if any. */
export const courseProduct = async (site: Site, course: string): Promise<{ id: string; name: string } | null> => {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'products')) return null
  const { docs } = await payload.find({
    collection: 'products',
    where: {
      and: [
        { tenant: { equals: site.tenant.id } },
        { isActive: { not_equals: false } },
        { 'lms.course': { equals: course } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  return docs[0] ? { id: String(docs[0].id), name: docs[0].name } : null
}

/** Every lesson of an outline, in course order. */
export const outlineLessons = (outline: CourseOutlineReply): CourseOutlineLesson[] =>
  outline.modules.flatMap((part) => part.lessons)

/** What a lesson's state is, in words: "Completed", "Free preview", "Opens on Dec 8, 2026", "Opens after you complete …". */
export const lessonState = (
  lesson: Pick<CourseOutlineLesson, 'access' | 'completed' | 'isPreview' | 'after'>,
  zone: string,
): { label: string; kind: 'completed' | 'preview' | 'open' | 'locked' } => {
  if (lesson.completed) return { label: 'Completed', kind: 'completed' }
  if (lesson.access.allowed)
    return lesson.isPreview ? { label: 'Free preview', kind: 'preview' } : { label: 'Open', kind: 'open' }
  return { label: lockReason(lesson.access, lesson.after, zone), kind: 'locked' }
}

/** Why a lesson does not open for the visitor, in the member's words. */
export const lockReason = (access: AccessDecision, after: { title: string } | null, zone: string): string => {
  const { reason, unlocksAt } = access
  if (reason.startsWith('locked:')) {
    if (after) return `Opens after you complete “${after.title}”`
    if (unlocksAt) return `Opens on ${day(unlocksAt, zone)}`
    if (reason === 'locked:cohort_start') return 'Opens when the course starts'
    return 'Locked for now'
  }
  if (reason === 'not_yet' && unlocksAt) return `Opens on ${day(unlocksAt, zone)}`
  const reasons: Record<string, string> = {
    sign_in: 'Log in to open',
    not_enrolled: 'Enrol to open',
    no_access: 'Buy the course to open',
    expired: 'Your access has expired',
    revoked: 'Your access was withdrawn',
    other_tenant: 'For members of this business',
  }
  return reasons[reason] ?? 'Not available'
}

// ---- series ----
/** The tenant's published series (courses of kind `series`), by title, read as a visitor. */
export const readSeries = async (site: Site): Promise<CatalogCourse[]> => {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'courses')) return []
  const { docs } = await payload.find({
    collection: 'courses',
    where: { and: [{ tenant: { equals: site.tenant.id } }, { kind: { equals: 'series' } }] },
    sort: 'title',
    limit: 100,
    depth: 0,
    overrideAccess: false,
    select: { title: true, slug: true, description: true, kind: true, deliveryMode: true, price: true },
  })
  return docs.map((doc) => ({
    id: String(doc.id),
    slug: doc.slug ?? String(doc.id),
    title: doc.title,
    description: doc.description ?? null,
    kind: doc.kind,
    deliveryMode: doc.deliveryMode,
    price: priceOf(doc.price),
  }))
}

/** The page of a course or series: series have their own page (`/series/<slug>`). */
export const coursePath = (course: { kind: string; slug: string }): string =>
  `/${course.kind === 'series' ? 'series' : 'courses'}/${encodeURIComponent(course.slug)}`
// ---- /series ----
