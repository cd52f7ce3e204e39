import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { CourseProgressReply } from '../contract'
import { courseLessons } from './courseLessons'
import { lessonAccess } from './mayAccess'
import { courseMember } from './courseMember'
import { courseEnrollmentsTable } from './sql/courseEnrollmentsTable'

/**
 * `GET /api/courses/:id/progress`: the signed-in member's enrolment and, for each lesson in course
 * order, whether it is done and whether (and why not) it opens now.
 */
export const courseProgress = async (req: PayloadRequest, course: string): Promise<CourseProgressReply> => {
  const { tenant, member } = await courseMember(req, course, 'see progress here')
  const e = courseEnrollmentsTable(req)
  const [enrollment] = await runSql<{ id: string; status: string; progress_pct: number; completed_at: Date | null }>(
    req,
    sql`SELECT ${e.id} AS id, ${e.status} AS status, ${e.progressPct}::int AS progress_pct, ${e.completedAt} AS completed_at
        FROM ${e.$table} WHERE ${e.tenant} = ${tenant} AND ${e.course} = ${course} AND ${e.member} = ${member}`,
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
