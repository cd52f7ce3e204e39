import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { lessonAccess } from './mayAccess'
import { refusal } from './refusal'
import { lessonsTable } from './sql/lessonsTable'

/**
 * A quiz that a quiz lesson sets is taken through that lesson: an attempt may start only when the
 * member may open at least one lesson that sets it (the one access decision, with its unlock
 * rules); otherwise the refusal of the first such lesson (403 `lesson_locked`, `not_enrolled`,
 * `no_access`…). So no pass can be earned before the lesson unlocks, and a pass always completes
 * its open lesson. Quizzes no lesson sets (checkpoint quizzes, standalone ones) are not gated.
 */
export const quizLessonGate = async (req: PayloadRequest, input: { quiz: string; member: string }): Promise<void> => {
  const l = lessonsTable(req)
  const lessons = await runSql<{ id: string }>(
    req,
    sql`SELECT ${l.id} AS id FROM ${l.$table}
        WHERE ${l.quiz} = ${input.quiz} AND ${l.itemType} = 'quiz'::${l.$enum.itemType} ORDER BY ${l.id}`,
  )
  if (lessons.length === 0) return
  let first = null
  for (const { id } of lessons) {
    const { decision } = await lessonAccess(req, { member: input.member, lesson: id })
    if (decision.allowed) return
    first ??= decision
  }
  if (first) throw refusal(first)
}
