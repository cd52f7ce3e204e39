import type { Payload } from 'payload'

const TENANT = 'lumen-creator'
const COURSE = 'core-in-three-days'
const CLASS_TITLE = 'Live Core Burn'
const LESSON = 'Live: Core Burn with Leo'

/**
 * lumen-creator's live-session lesson (lms README, "Live-session lessons"): "Core in Three Days"
 * ends with a module "Live" whose lesson is the next upcoming "Live Core Burn" class (bookings);
 * members book it from the lesson page and checking in completes the lesson. Needs bookings (its
 * classes) and the course; adds only what is missing.
 */
export const seedLmsLiveDemo = async (payload: Payload): Promise<{ created: number }> => {
  if (!payload.collections.classes || !payload.collections.lessons) return { created: 0 }
  const tenant = (
    await payload.find({ collection: 'tenants', where: { slug: { equals: TENANT } }, limit: 1, depth: 0 })
  ).docs[0]
  if (!tenant) return { created: 0 }
  const inTenant = { tenant: { equals: tenant.id } }
  const course = (
    await payload.find({
      collection: 'courses',
      where: { and: [inTenant, { slug: { equals: COURSE } }] },
      limit: 1,
      depth: 0,
      draft: true,
    })
  ).docs[0]
  if (!course) return { created: 0 }
  const existing = await payload.count({
    collection: 'lessons',
    where: { and: [{ course: { equals: course.id } }, { itemType: { equals: 'live' } }] },
  })
  if (existing.totalDocs > 0) return { created: 0 }
  const klass = (
    await payload.find({
      collection: 'classes',
      where: {
        and: [
          inTenant,
          { title: { equals: CLASS_TITLE } },
          { status: { equals: 'scheduled' } },
          { startTime: { greater_than: new Date().toISOString() } },
        ],
      },
      sort: 'startTime',
      limit: 1,
      depth: 0,
    })
  ).docs[0]
  if (!klass) return { created: 0 }
  const liveModule = await payload.create({
    collection: 'course-modules',
    data: { tenant: tenant.id, course: course.id, title: 'Live', description: 'Train with Leo, live.' },
  })
  await payload.create({
    collection: 'lessons',
    data: {
      tenant: tenant.id,
      module: liveModule.id,
      title: LESSON,
      itemType: 'live',
      liveClass: klass.id,
      unlock: { mode: 'none' },
    },
  })
  return { created: 2 }
}
