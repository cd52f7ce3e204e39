import type { Payload } from 'payload'

const slug = () => `grid-${Math.random().toString(36).slice(2, 10)}`

/**
 * A fresh draft course with one module and one video lesson in `tenant`, for the isolation grid's
 * fixtures of rows unique per member and course or lesson (each victim needs its own target).
 */
export const gridLesson = async (payload: Payload, tenant: string) => {
  const course = await payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant, title: 'Grid', slug: slug() },
  })
  const courseModule = await payload.create({
    collection: 'course-modules',
    data: { tenant, course: course.id, title: 'Grid' },
  })
  const content = await payload.create({
    collection: 'content-items',
    draft: true,
    data: { tenant, title: 'Grid', slug: slug(), contentType: 'video' },
  })
  const lesson = await payload.create({
    collection: 'lessons',
    data: {
      tenant,
      title: 'Grid',
      module: courseModule.id,
      itemType: 'video',
      content: content.id,
      unlock: { mode: 'none' },
    },
  })
  return { course: String(course.id), content: String(content.id), lesson: String(lesson.id) }
}
