import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import type { CourseOutlineLesson, CourseOutlineReply } from '../contract'
import { courseLessons } from './courseLessons'
import { lessonAccess, mayAccess, resolveViewer } from './mayAccess'
import { courseEnrollmentsTable } from './sql/courseEnrollmentsTable'

type EnrollmentSqlRow = { id: string; status: string; progress_pct: number; completed_at: Date | null }

/**
 * `GET /api/courses/:id/outline`: the syllabus of a published course for whoever asks (a visitor,
 * a member, staff): modules in the order of their lessons, each lesson with its access decision
 * (the same `lessonAccess` the view endpoint asks), whether the viewer completed it and, when it
 * waits for another lesson (prerequisite, linear course), which one. 404 for a course the viewer
 * may not see (unpublished, trashed, missing).
 */
export const courseOutline = async (req: PayloadRequest, id: string): Promise<CourseOutlineReply> => {
  // The course and its modules are public once published: read as a visitor would (a signed-in
  // member of another business sees the syllabus too, with every lesson refused).
  const course = await req.payload.findByID({
    collection: 'courses',
    id,
    depth: 0,
    draft: false,
    overrideAccess: false,
    disableErrors: true,
  })
  if (!course) throw new OperationError(404, 'not_found', 'Not found.')
  const access = await mayAccess(req, { target: { collection: 'courses', id } })
  if (access.reason === 'not_found') throw new OperationError(404, 'not_found', 'Not found.')
  const tenant = typeof course.tenant === 'object' && course.tenant ? String(course.tenant.id) : String(course.tenant)
  const { member } = await resolveViewer(req, tenant, undefined)

  const e = courseEnrollmentsTable(req)
  const [enrollment] = member
    ? await runSql<EnrollmentSqlRow>(
        req,
        sql`SELECT ${e.id} AS id, ${e.status} AS status, ${e.progressPct}::int AS progress_pct, ${e.completedAt} AS completed_at
            FROM ${e.$table} WHERE ${e.tenant} = ${tenant} AND ${e.course} = ${id} AND ${e.member} = ${member}`,
      )
    : []
  const ordered = await courseLessons(req, id, member)
  const { docs: moduleDocs } = await req.payload.find({
    collection: 'course-modules',
    where: { course: { equals: id } },
    depth: 0,
    limit: 500,
    overrideAccess: false,
  })
  const titles = new Map([
    ...ordered.map((lesson): [string, string] => [lesson.id, lesson.title]),
    ...moduleDocs.map((doc): [string, string] => [String(doc.id), doc.title]),
  ])
  const lessons: (CourseOutlineLesson & { module: string | null })[] = []
  for (const [index, row] of ordered.entries()) {
    const { decision, lesson } = await lessonAccess(req, { member, lesson: row.id })
    const waitsFor =
      decision.reason === 'locked:prerequisite'
        ? (lesson?.unlock_prerequisite ?? lesson?.unlock_prerequisite_module ?? null)
        : decision.reason === 'locked:module_prerequisite'
          ? (lesson?.module_unlock_prerequisite ?? lesson?.module_unlock_prerequisite_module ?? null)
          : decision.reason === 'locked:linear' && index > 0
            ? ordered[index - 1].id
            : null
    lessons.push({
      id: row.id,
      title: row.title,
      module: row.module,
      itemType: lesson?.item_type ?? 'text',
      isPreview: lesson?.is_preview ?? false,
      completed: row.done,
      access: decision,
      after: waitsFor ? { id: waitsFor, title: titles.get(waitsFor) ?? 'the previous lesson' } : null,
    })
  }

  // Modules follow their lessons' course order; modules without lessons come last.
  const rank = (moduleId: string) => {
    const at = lessons.findIndex((lesson) => lesson.module === moduleId)
    return at < 0 ? Number.MAX_SAFE_INTEGER : at
  }
  const modules = moduleDocs
    .map((doc) => ({ id: String(doc.id), title: doc.title, description: doc.description ?? null }))
    .sort((a, b) => rank(a.id) - rank(b.id))
    .map((part) => ({
      ...part,
      lessons: lessons.filter((lesson) => lesson.module === part.id).map(({ module: _module, ...lesson }) => lesson),
    }))

  const open = lessons.filter((lesson) => lesson.access.allowed)
  const next = enrollment
    ? (open.find((lesson) => !lesson.completed)?.id ?? null)
    : (open.find((lesson) => lesson.isPreview)?.id ?? null)
  return {
    course: {
      id,
      title: course.title,
      slug: course.slug ?? id,
      description: course.description ?? null,
      kind: course.kind,
      deliveryMode: course.deliveryMode,
      navigation: course.navigation,
      price: course.price?.amount ? { amount: course.price.amount, currency: String(course.price.currency) } : null,
    },
    access,
    enrollment: enrollment
      ? {
          id: enrollment.id,
          status: enrollment.status,
          progressPct: enrollment.progress_pct,
          completedAt: enrollment.completed_at ? new Date(enrollment.completed_at).toISOString() : null,
        }
      : null,
    modules,
    next,
  }
}
