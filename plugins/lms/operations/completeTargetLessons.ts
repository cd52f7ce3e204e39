import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { recordCompletion } from './completeLesson'
import { lessonAccess } from './mayAccess'
import { lessonsTable } from './sql/lessonsTable'

/**
 * Completes, for `member`, every lesson that sets this quiz (passed) or assignment (graded at or
 * above its passing points), through the one completion path (`recordCompletion`: idempotent,
 * progress, `lesson.completed`, `course.completed` once). Lessons the member may not open, or of
 * a course they are not enrolled in, are left alone. Returns how many lessons completed now.
 */
export const completeTargetLessons = async (
  req: PayloadRequest,
  input: { target: 'quiz' | 'assignment'; id: string; member: string },
): Promise<number> => {
  const l = lessonsTable(req)
  const column = input.target === 'quiz' ? l.quiz : l.assignment
  const lessons = await runSql<{ id: string }>(
    req,
    sql`SELECT ${l.id} AS id FROM ${l.$table}
        WHERE ${column} = ${input.id} AND ${l.itemType} = ${input.target}::${l.$enum.itemType}
        ORDER BY ${l.id}`,
  )
  let completed = 0
  for (const { id } of lessons) {
    const access = await lessonAccess(req, { member: input.member, lesson: id })
    if (!access.lesson || !access.decision.allowed) continue
    try {
      if ((await recordCompletion(req, { lesson: access.lesson, member: input.member })).completed) completed++
    } catch (error) {
      // Not enrolled in that lesson's course: nothing to complete (the check runs before any write).
      if (error instanceof OperationError && error.code === 'not_enrolled') continue
      throw error
    }
  }
  return completed
}
