import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import type { CourseProgressReply } from '../contract'
import { courseLessons } from './courseLessons'
import { lessonAccess, resolveViewer } from './mayAccess'
import { coursesTable } from './sql/coursesTable'
import { courseEnrollmentsTable } from './sql/courseEnrollmentsTable'

/**
 * `GET /api/courses/:id/progress`: the signed-in member's enrolment and, for each lesson in course
 * order, whether it is done and whether (and why not) it opens now.
 */
export const courseProgress = async (req: PayloadRequest, course: string): Promise<CourseProgressReply> => {
  const c = coursesTable(req)
  const [row] = await runSql<{ tenant: string }>(
    req,
    sql`SELECT ${c.tenant} AS tenant FROM ${c.$table} WHERE ${c.id} = ${course}`,
  )
  if (!row) throw new OperationError(404, 'not_found', 'Not found.')
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const { member } = await resolveViewer(req, row.tenant, undefined)
  if (!member) throw new OperationError(403, 'not_a_member', 'Only members of this business have progress here.')
  const e = courseEnrollmentsTable(req)
  const [enrollment] = await runSql<{ id: string; status: string; progress_pct: number; completed_at: Date | null }>(
    req,
    sql`SELECT ${e.id} AS id, ${e.status} AS status, ${e.progressPct}::int AS progress_pct, ${e.completedAt} AS completed_at
        FROM ${e.$table} WHERE ${e.tenant} = ${row.tenant} AND ${e.course} = ${course} AND ${e.member} = ${member}`,
  )
  const lessons = await courseLessons(req, course, member)
  const states = []
  for (const lesson of lessons) {
    const { decision } = await lessonAccess(req, { member, lesson: lesson.id })
    states.push({ id: lesson.id, title: lesson.title, module: lesson.module, completed: lesson.done, access: decision })
  }
  return {
    course,
    enrollment: enrollment
      ? {
          id: enrollment.id,
          status: enrollment.status,
          progressPct: enrollment.progress_pct,
          completedAt: enrollment.completed_at ? new Date(enrollment.completed_at).toISOString() : null,
        }
      : null,
    lessons: states,
  }
}
